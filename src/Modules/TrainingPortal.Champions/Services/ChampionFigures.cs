using Microsoft.EntityFrameworkCore;
using TrainingPortal.Champions.Domain;
using TrainingPortal.Core;
using TrainingPortal.Data;

namespace TrainingPortal.Champions.Services;

/// <summary>
/// What the champion register, the guide library and the briefing logs count for, as queries other modules (reports)
/// compose into set-based figures. Read without tracking; every day is a UK date.
/// </summary>
public static class ChampionFigures
{
    /// <summary>
    /// Register entries that were approved champions on <paramref name="day"/>: a spell approved (active, since lapsed or
    /// stepped down) that had started by then and not yet ended (the rule of <see cref="ChampionSpell.ActiveOn"/>).
    /// One entry per person per agency.
    /// </summary>
    public static IQueryable<Champion> ChampionsActiveOn(this PortalDbContext db, DateOnly day) =>
        db.Set<Champion>().AsNoTracking().Where(c => db.Set<ChampionSpell>().Any(s => s.ChampionId == c.Id
            && (s.Status == SpellStatus.Active || s.Status == SpellStatus.Lapsed || s.Status == SpellStatus.SteppedDown)
            && s.StartDate <= day && (s.EndDate == null || s.EndDate > day)));

    /// <summary>Briefing logs of briefings delivered from <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    public static IQueryable<BriefingLog> BriefingsDelivered(this PortalDbContext db, DateOnly from, DateOnly to) =>
        db.Set<BriefingLog>().AsNoTracking().Where(b => b.DeliveredOn >= from && b.DeliveredOn <= to);

    /// <summary>Everyone on the logs of briefings delivered from <paramref name="from"/> to <paramref name="to"/>, with the agency of the log.</summary>
    public static IQueryable<BriefedPerson> PeopleBriefed(this PortalDbContext db, DateOnly from, DateOnly to) =>
        db.BriefingsDelivered(from, to).Join(db.Set<BriefingAttendee>(), b => b.Id, a => a.BriefingLogId,
            (b, a) => new BriefedPerson { AgencyId = b.AgencyId, AttendeeId = a.Id, PractitionerId = a.PractitionerId });

    /// <summary>
    /// Guides that first entered the library from <paramref name="from"/> to <paramref name="to"/> (UK dates): their
    /// earliest published version (published or since superseded) was published then. A later version of a guide
    /// already in the library is a revision, not a new guide, and does not bring the guide back in.
    /// </summary>
    public static IQueryable<SevenMinuteGuide> GuidesFirstPublished(this PortalDbContext db, DateOnly from, DateOnly to)
    {
        var fromUtc = UkTime.ToUtc(from.ToDateTime(TimeOnly.MinValue));
        var untilUtc = UkTime.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue));
        var published = db.Set<GuideVersion>().Where(v =>
            (v.Status == GuideVersionStatus.Published || v.Status == GuideVersionStatus.Superseded) && v.PublishedAt != null);
        return db.Set<SevenMinuteGuide>().AsNoTracking()
            .Where(g => published.Any(v => v.GuideId == g.Id && v.PublishedAt >= fromUtc && v.PublishedAt < untilUtc)
                && !published.Any(v => v.GuideId == g.Id && v.PublishedAt < fromUtc));
    }
}

/// <summary>One attendee of a briefing: a practitioner (counted once however many briefings) or a name typed in (counted each time).</summary>
public sealed record BriefedPerson
{
    public Guid AgencyId { get; init; }

    public Guid AttendeeId { get; init; }

    public Guid? PractitionerId { get; init; }
}
