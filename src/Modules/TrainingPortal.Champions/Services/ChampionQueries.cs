using Microsoft.EntityFrameworkCore;
using TrainingPortal.Catalogue.Domain;
using TrainingPortal.Catalogue.Services;
using TrainingPortal.Champions.Domain;
using TrainingPortal.Data;

namespace TrainingPortal.Champions.Services;

/// <summary>One spell of an approved champion, with the entry's agency and person, for joining and counting in the database.</summary>
public sealed record ActiveChampionSpell
{
    public Guid SpellId { get; init; }

    public Guid ChampionId { get; init; }

    public Guid AgencyId { get; init; }

    public Guid PractitionerId { get; init; }

    public DateOnly StartDate { get; init; }

    public DateOnly? EndDate { get; init; }
}

/// <summary>
/// The champion register as other modules (reports, briefings) may read it, composed in the database and read without
/// tracking: the register is changed only through <see cref="ChampionRegister"/> and the lapse job.
/// </summary>
public static class ChampionQueries
{
    /// <summary>
    /// Spells during which the person was an approved champion on <paramref name="day"/> (the same rule as
    /// <see cref="ChampionSpell.ActiveOn"/>): someone who champions two agencies appears once for each.
    /// </summary>
    public static IQueryable<ActiveChampionSpell> SpellsActiveOn(this PortalDbContext db, DateOnly day) =>
        from s in db.Set<ChampionSpell>().AsNoTracking()
        where (s.Status == SpellStatus.Active || s.Status == SpellStatus.Lapsed || s.Status == SpellStatus.SteppedDown)
              && s.StartDate <= day && (s.EndDate == null || s.EndDate > day)
        join c in db.Set<Champion>().AsNoTracking() on s.ChampionId equals c.Id
        select new ActiveChampionSpell { SpellId = s.Id, ChampionId = c.Id, AgencyId = c.AgencyId, PractitionerId = c.PractitionerId, StartDate = s.StartDate, EndDate = s.EndDate };

    /// <summary>
    /// The people who have a current advanced training record on <paramref name="day"/>: an approved, unexpired record of
    /// a course version at Advanced or Specialist level. The champion induction is an Advanced course, so it counts.
    /// </summary>
    public static IQueryable<Guid> PractitionersWithAdvancedTraining(this PortalDbContext db, DateOnly day) =>
        from r in db.AllTrainingRecords()
        where r.Status == RecordStatus.Approved && (r.ExpiresOn == null || r.ExpiresOn > day)
        join v in db.AllCourseVersions() on r.CourseVersionId equals v.Id
        where v.Level == CourseLevel.Advanced || v.Level == CourseLevel.Specialist
        select r.PractitionerId;
}
