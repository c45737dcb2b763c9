using Microsoft.EntityFrameworkCore;
using TrainingPortal.Agencies.Domain;
using TrainingPortal.Core;
using TrainingPortal.Data;

namespace TrainingPortal.Agencies.Services;

/// <summary>
/// Which agency memberships count, stated once, as queries this and other modules join on and compose with in the
/// database (nothing is loaded into memory). They read without tracking: other modules read memberships, never change
/// them. Every day is a UK date (<see cref="UkTime.Today"/>), and a day ends at midnight UK time.
/// </summary>
public static class MembershipQueries
{
    /// <summary>
    /// Memberships on an agency's books on <paramref name="day"/>: confirmed and not left by then. Someone whose start
    /// date is still to come is on the books (staff lists and head counts show them); compliance waits for the start
    /// (<see cref="MembershipsInPost"/>).
    /// </summary>
    public static IQueryable<AgencyMembership> CurrentMemberships(this PortalDbContext db, DateOnly day) =>
        db.Set<AgencyMembership>().AsNoTracking()
            .Where(m => m.Status == MembershipStatus.Confirmed && (m.LeavingDate == null || m.LeavingDate > day));

    /// <summary>
    /// Memberships that count for compliance on <paramref name="day"/>: confirmed, started (a membership without a start
    /// date counts as started) and not left.
    /// </summary>
    public static IQueryable<AgencyMembership> MembershipsInPost(this PortalDbContext db, DateOnly day) =>
        db.Set<AgencyMembership>().AsNoTracking().Where(m =>
            m.Status == MembershipStatus.Confirmed && (m.StartDate == null || m.StartDate <= day) && (m.LeavingDate == null || m.LeavingDate > day));

    /// <summary>
    /// For rows that each carry their own person and day (a completion and its date), the memberships in post on that day
    /// by the rule of <see cref="MembershipsInPost"/>: confirmed, started (or without a start date) and not left. A row
    /// comes back once per such membership, keyed as it went in; a person in post nowhere that day gives no row.
    /// </summary>
    public static IQueryable<MembershipOnDay> MembershipsInPostOn(this PortalDbContext db, IQueryable<PersonOnDay> rows) =>
        from r in rows
        join m in db.Set<AgencyMembership>().AsNoTracking() on r.PractitionerId equals m.PractitionerId
        where m.Status == MembershipStatus.Confirmed && (m.StartDate == null || m.StartDate <= r.Day) && (m.LeavingDate == null || m.LeavingDate > r.Day)
        select new MembershipOnDay { Key = r.Key, AgencyId = m.AgencyId, PractitionerId = m.PractitionerId, IsFrontline = m.IsFrontline };

    /// <summary>
    /// Memberships that counted at the end of a past <paramref name="day"/>, leavers included while they were there:
    /// confirmed, started by then (without a start date: added by the end of that day) and not left by then.
    /// </summary>
    public static IQueryable<AgencyMembership> MembershipsAsAt(this PortalDbContext db, DateOnly day) =>
        db.MembershipsDuring(day, day);

    /// <summary>
    /// Memberships held at any time from <paramref name="from"/> to <paramref name="to"/> (both included): confirmed,
    /// started by the end of <paramref name="to"/> (without a start date: added by then) and not left by <paramref name="from"/>.
    /// </summary>
    public static IQueryable<AgencyMembership> MembershipsDuring(this PortalDbContext db, DateOnly from, DateOnly to)
    {
        var endOfPeriodUtc = UkTime.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue));
        return db.Set<AgencyMembership>().AsNoTracking().Where(m =>
            m.Status == MembershipStatus.Confirmed
            && (m.StartDate != null ? m.StartDate <= to : m.CreatedAt < endOfPeriodUtc)
            && (m.LeavingDate == null || m.LeavingDate > from));
    }

    /// <summary>
    /// The memberships a person may book training through on <paramref name="day"/>: every one not declined and not left.
    /// A membership still awaiting the lead's confirmation counts, so a newly registered person can book straight away.
    /// </summary>
    public static IQueryable<AgencyMembership> BookableMemberships(this PortalDbContext db, DateOnly day) =>
        db.Set<AgencyMembership>().AsNoTracking()
            .Where(m => m.Status != MembershipStatus.Declined && (m.LeavingDate == null || m.LeavingDate > day));

    /// <summary>Every membership, whatever its status: a booking keeps the membership it was made through.</summary>
    public static IQueryable<AgencyMembership> AllMemberships(this PortalDbContext db) =>
        db.Set<AgencyMembership>().AsNoTracking();

    /// <summary>
    /// Memberships through which an agency knows a person: every one its lead has not declined, leavers included (a lead
    /// still sees a leaver's training and certificates).
    /// </summary>
    public static IQueryable<AgencyMembership> KnownMemberships(this PortalDbContext db) =>
        db.Set<AgencyMembership>().AsNoTracking().Where(m => m.Status != MembershipStatus.Declined);
}

/// <summary>A person on a day, under a key of the caller's (a completion's id), for <see cref="MembershipQueries.MembershipsInPostOn"/>.</summary>
public sealed record PersonOnDay
{
    public Guid Key { get; init; }

    public Guid PractitionerId { get; init; }

    public DateOnly Day { get; init; }
}

/// <summary>One membership in post on a <see cref="PersonOnDay"/>'s day, under that row's key.</summary>
public sealed record MembershipOnDay
{
    public Guid Key { get; init; }

    public Guid AgencyId { get; init; }

    public Guid PractitionerId { get; init; }

    public bool IsFrontline { get; init; }
}
