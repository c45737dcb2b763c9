using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using TrainingPortal.Agencies.Domain;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Catalogue.Domain;
using TrainingPortal.Catalogue.Services;
using TrainingPortal.Core;
using TrainingPortal.Core.Paging;
using TrainingPortal.Data;
using TrainingPortal.Identity.Domain;
using TrainingPortal.Sessions.Domain;

namespace TrainingPortal.Sessions.Services;

/// <summary>A session as lists and headings show it.</summary>
public sealed record SessionSummary(
    Guid Id, Guid CourseId, string CourseCode, string CourseTitle, DeliveryMode Mode, DateTime StartsAtUtc, DateTime EndsAtUtc,
    string? VenueName, string? VenueAddress, string? AccessibilityNotes, string? JoiningLink, int Capacity, int BookedCount, int WaitlistCount,
    DateOnly BookingClosesOn, string? Notes, SessionStatus Status, string? CancellationReason, DateTime? RegisterClosedAt, string CheckInCode)
{
    public int PlacesLeft => Math.Max(0, Capacity - BookedCount);

    public int FillPercent => Capacity == 0 ? 0 : 100 * BookedCount / Capacity;

    public string Where => JoiningLink is not null ? "Online" : VenueName ?? "";
}

/// <summary>A booking as a practitioner's or a lead's list shows it.</summary>
public sealed record BookingRow(
    Guid BookingId, Guid SessionId, string CourseTitle, DateTime StartsAtUtc, DateTime EndsAtUtc, string Where, BookingStatus Status,
    int? WaitlistPosition, string PractitionerName, Guid PractitionerId, Guid AgencyId, string Agency, DateTime CreatedAt, int ChargePence);

/// <summary>Did-not-attend and late cancellations of one agency over a period, and what they cost.</summary>
public sealed record AgencyCharges(Guid AgencyId, string Agency, int DidNotAttend, int LateCancelled, int TotalPence);

/// <summary>Read models for the sessions module's pages. Everything is filtered and paged in the database.</summary>
public sealed class SessionQueries(PortalDbContext db, AgencyScope scope, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public IQueryable<SessionSummary> Summaries() => SummaryRows().Select(ToSummary);

    public Task<SessionSummary?> SummaryAsync(Guid sessionId, CancellationToken cancellationToken = default) =>
        SummaryRows().Where(s => s.Id == sessionId).Select(ToSummary).SingleOrDefaultAsync(cancellationToken);

    /// <summary>The names of a session's trainers.</summary>
    public async Task<IReadOnlyList<string>> TrainerNamesAsync(Guid sessionId, CancellationToken cancellationToken = default) =>
        await (from t in db.Set<SessionTrainer>().AsNoTracking()
               where t.SessionId == sessionId
               join u in db.Set<PortalUser>() on t.UserId equals u.Id
               orderby u.LastName
               select u.FirstName + " " + u.LastName).ToListAsync(cancellationToken);

    /// <summary>Upcoming sessions for the coordinator's overview (or past ones), with fill rates, paged.</summary>
    public Task<PagedList<SessionSummary>> OverviewAsync(bool past, Guid? courseId, int page, CancellationToken cancellationToken = default)
    {
        var now = Now;
        var query = SummaryRows().Where(s => courseId == null || s.CourseId == courseId);
        query = past
            ? query.Where(s => s.StartsAtUtc < now).OrderByDescending(s => s.StartsAtUtc)
            : query.Where(s => s.StartsAtUtc >= now).OrderBy(s => s.StartsAtUtc);
        return query.Select(ToSummary).ToPagedListAsync(page, cancellationToken: cancellationToken);
    }

    /// <summary>Headline figures for upcoming scheduled sessions: places offered, booked, waiting.</summary>
    public async Task<(int Sessions, int Places, int Booked, int Waiting)> UpcomingTotalsAsync(CancellationToken cancellationToken = default)
    {
        var now = Now;
        var totals = await db.Set<Session>().AsNoTracking().Where(s => s.StartsAtUtc >= now && s.Status == SessionStatus.Scheduled)
            .GroupBy(_ => 1)
            .Select(g => new { Sessions = g.Count(), Places = g.Sum(s => s.Capacity), Booked = g.Sum(s => s.BookedCount), Waiting = g.Sum(s => s.WaitlistCount) })
            .SingleOrDefaultAsync(cancellationToken);
        return totals is null ? (0, 0, 0, 0) : (totals.Sessions, totals.Places, totals.Booked, totals.Waiting);
    }

    /// <summary>Sessions a trainer delivers, upcoming first then recent.</summary>
    public async Task<IReadOnlyList<SessionSummary>> ForTrainerAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var since = Now.AddDays(-60);
        var mine = db.Set<SessionTrainer>().Where(t => t.UserId == userId).Select(t => t.SessionId);
        return await SummaryRows().Where(s => mine.Contains(s.Id) && s.EndsAtUtc >= since).OrderBy(s => s.StartsAtUtc).Select(ToSummary).ToListAsync(cancellationToken);
    }

    /// <summary>Upcoming scheduled sessions of a course that can still be booked, for the course page.</summary>
    public async Task<IReadOnlyList<SessionSummary>> BookableAsync(Guid courseId, CancellationToken cancellationToken = default)
    {
        var now = Now;
        var today = DateOnly.FromDateTime(UkTime.FromUtc(now));
        return await SummaryRows().Where(s => s.CourseId == courseId && s.Status == SessionStatus.Scheduled && s.StartsAtUtc > now && s.BookingClosesOn >= today)
            .OrderBy(s => s.StartsAtUtc).Take(20).Select(ToSummary).ToListAsync(cancellationToken);
    }

    /// <summary>A session's register lines: everyone who holds (or held) a place.</summary>
    public async Task<IReadOnlyList<RegisterLine>> RegisterLinesAsync(Guid sessionId, CancellationToken cancellationToken = default) =>
        await (from b in db.Set<Booking>().AsNoTracking()
               where b.SessionId == sessionId && (b.Status == BookingStatus.Booked || b.Status == BookingStatus.Attended
                   || b.Status == BookingStatus.PartiallyAttended || b.Status == BookingStatus.DidNotAttend)
               join p in db.Set<Practitioner>() on b.PractitionerId equals p.Id
               join a in db.Set<Agency>() on b.AgencyId equals a.Id
               orderby p.LastName, p.FirstName
               select new RegisterLine(b.Id, p.Id, p.FirstName + " " + p.LastName, p.Email, a.Name,
                   db.Set<AgencyMembership>().Where(m => m.PractitionerId == p.Id && m.AgencyId == a.Id).Select(m => m.JobTitle).FirstOrDefault(),
                   b.Status, b.CheckedInAt,
                   db.Set<TrainingRecord>().Where(r => r.Id == b.TrainingRecordId).Select(r => r.CertificateNumber).FirstOrDefault()))
            .ToListAsync(cancellationToken);

    /// <summary>Everyone on a session who does not hold a place: the waitlist in order, then requests and cancellations.</summary>
    public async Task<IReadOnlyList<BookingRow>> OthersOnSessionAsync(Guid sessionId, CancellationToken cancellationToken = default) =>
        await Rows().Where(r => r.SessionId == sessionId && !(r.Status == BookingStatus.Booked || r.Status == BookingStatus.Attended
                || r.Status == BookingStatus.PartiallyAttended || r.Status == BookingStatus.DidNotAttend))
            .OrderBy(r => r.Status == BookingStatus.Waitlisted ? 0 : r.Status == BookingStatus.Requested ? 1 : 2).ThenBy(r => r.WaitlistPosition).ThenBy(r => r.CreatedAt)
            .Select(ToBookingRow).ToListAsync(cancellationToken);

    /// <summary>A practitioner's bookings: upcoming (and waiting), or past.</summary>
    public async Task<IReadOnlyList<BookingRow>> ForPractitionerAsync(Guid practitionerId, bool past, CancellationToken cancellationToken = default)
    {
        var now = Now;
        var rows = Rows().Where(r => r.PractitionerId == practitionerId);
        return past
            ? await rows.Where(r => r.EndsAtUtc < now).OrderByDescending(r => r.StartsAtUtc).Take(100).Select(ToBookingRow).ToListAsync(cancellationToken)
            : await rows.Where(r => r.EndsAtUtc >= now).OrderBy(r => r.StartsAtUtc).Select(ToBookingRow).ToListAsync(cancellationToken);
    }

    /// <summary>The current user's agency's bookings (a lead sees only agencies they lead), paged, optionally one status.</summary>
    public async Task<PagedList<BookingRow>> ForAgencyAsync(Guid agencyId, BookingStatus? status, bool upcoming, int page, CancellationToken cancellationToken = default)
    {
        if (!await scope.CanManageAsync(agencyId, cancellationToken))
        {
            return new PagedList<BookingRow>([], 1, PagingExtensions.DefaultPageSize, 0);
        }
        var now = Now;
        var rows = Rows().Where(r => r.AgencyId == agencyId && (status == null || r.Status == status));
        rows = upcoming ? rows.Where(r => r.EndsAtUtc >= now).OrderBy(r => r.StartsAtUtc) : rows.Where(r => r.EndsAtUtc < now).OrderByDescending(r => r.StartsAtUtc);
        return await rows.Select(ToBookingRow).ToPagedListAsync(page, cancellationToken: cancellationToken);
    }

    /// <summary>Requests waiting for approval in the agencies the current user leads (all agencies for a coordinator).</summary>
    public async Task<IReadOnlyList<BookingRow>> RequestsAsync(CancellationToken cancellationToken = default)
    {
        var visible = (await scope.VisibleAgenciesAsync(cancellationToken)).Select(a => a.Id);
        return await Rows().Where(r => r.Status == BookingStatus.Requested && visible.Contains(r.AgencyId)).OrderBy(r => r.StartsAtUtc).ThenBy(r => r.CreatedAt)
            .Take(200).Select(ToBookingRow).ToListAsync(cancellationToken);
    }

    /// <summary>Did-not-attend and late cancellations per agency for sessions that started in [from, to), with charges.</summary>
    public async Task<IReadOnlyList<AgencyCharges>> ChargesAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        var start = TimeZoneInfo.ConvertTimeToUtc(from.ToDateTime(TimeOnly.MinValue), UkTime.Zone);
        var end = TimeZoneInfo.ConvertTimeToUtc(to.ToDateTime(TimeOnly.MinValue), UkTime.Zone);
        var visible = (await scope.VisibleAgenciesAsync(cancellationToken)).Select(a => a.Id);
        var counted = from b in db.Set<Booking>().AsNoTracking()
                      where (b.Status == BookingStatus.DidNotAttend || b.Status == BookingStatus.LateCancelled) && visible.Contains(b.AgencyId)
                      join s in db.Set<Session>() on b.SessionId equals s.Id
                      where s.StartsAtUtc >= start && s.StartsAtUtc < end
                      select b;
        var totals = await counted.GroupBy(b => b.AgencyId)
            .Select(g => new
            {
                AgencyId = g.Key,
                DidNotAttend = g.Count(b => b.Status == BookingStatus.DidNotAttend),
                LateCancelled = g.Count(b => b.Status == BookingStatus.LateCancelled),
                Total = g.Sum(b => b.ChargePence),
            }).ToListAsync(cancellationToken);
        var names = await db.Set<Agency>().AsNoTracking().Where(a => visible.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        return totals.Select(t => new AgencyCharges(t.AgencyId, names.GetValueOrDefault(t.AgencyId, "Unknown agency"), t.DidNotAttend, t.LateCancelled, t.Total))
            .OrderBy(t => t.Agency).ToList();
    }

    // Filters and ordering go on these settable rows, then the record is made last: EF Core cannot translate a
    // condition on a member of a record built through its constructor.
    private IQueryable<SummaryRow> SummaryRows() =>
        from s in db.Set<Session>().AsNoTracking()
        join c in db.Set<Course>() on s.CourseId equals c.Id
        join v in CurrentVersions() on s.CourseId equals v.CourseId
        select new SummaryRow
        {
            Id = s.Id, CourseId = s.CourseId, CourseCode = c.Code, CourseTitle = v.Title, Mode = v.DeliveryMode, StartsAtUtc = s.StartsAtUtc, EndsAtUtc = s.EndsAtUtc,
            VenueName = s.VenueName, VenueAddress = s.VenueAddress, AccessibilityNotes = s.AccessibilityNotes, JoiningLink = s.JoiningLink, Capacity = s.Capacity,
            BookedCount = s.BookedCount, WaitlistCount = s.WaitlistCount, BookingClosesOn = s.BookingClosesOn, Notes = s.Notes, Status = s.Status,
            CancellationReason = s.CancellationReason, RegisterClosedAt = s.RegisterClosedAt, CheckInCode = s.CheckInCode,
        };

    private static readonly Expression<Func<SummaryRow, SessionSummary>> ToSummary = s => new SessionSummary(
        s.Id, s.CourseId, s.CourseCode, s.CourseTitle, s.Mode, s.StartsAtUtc, s.EndsAtUtc, s.VenueName, s.VenueAddress, s.AccessibilityNotes, s.JoiningLink,
        s.Capacity, s.BookedCount, s.WaitlistCount, s.BookingClosesOn, s.Notes, s.Status, s.CancellationReason, s.RegisterClosedAt, s.CheckInCode);

    private IQueryable<BookingRowData> Rows() =>
        from b in db.Set<Booking>().AsNoTracking()
        join s in db.Set<Session>() on b.SessionId equals s.Id
        join v in CurrentVersions() on s.CourseId equals v.CourseId
        join p in db.Set<Practitioner>() on b.PractitionerId equals p.Id
        join a in db.Set<Agency>() on b.AgencyId equals a.Id
        select new BookingRowData
        {
            BookingId = b.Id, SessionId = s.Id, CourseTitle = v.Title, StartsAtUtc = s.StartsAtUtc, EndsAtUtc = s.EndsAtUtc,
            Where = s.JoiningLink != null ? "Online" : s.VenueName ?? "", Status = b.Status, WaitlistPosition = b.WaitlistPosition,
            PractitionerName = p.FirstName + " " + p.LastName, PractitionerId = p.Id, AgencyId = a.Id, Agency = a.Name, CreatedAt = b.CreatedAt, ChargePence = b.ChargePence,
        };

    private static readonly Expression<Func<BookingRowData, BookingRow>> ToBookingRow = r => new BookingRow(
        r.BookingId, r.SessionId, r.CourseTitle, r.StartsAtUtc, r.EndsAtUtc, r.Where, r.Status, r.WaitlistPosition, r.PractitionerName, r.PractitionerId,
        r.AgencyId, r.Agency, r.CreatedAt, r.ChargePence);

    private sealed class SummaryRow
    {
        public Guid Id { get; init; }
        public Guid CourseId { get; init; }
        public string CourseCode { get; init; } = "";
        public string CourseTitle { get; init; } = "";
        public DeliveryMode Mode { get; init; }
        public DateTime StartsAtUtc { get; init; }
        public DateTime EndsAtUtc { get; init; }
        public string? VenueName { get; init; }
        public string? VenueAddress { get; init; }
        public string? AccessibilityNotes { get; init; }
        public string? JoiningLink { get; init; }
        public int Capacity { get; init; }
        public int BookedCount { get; init; }
        public int WaitlistCount { get; init; }
        public DateOnly BookingClosesOn { get; init; }
        public string? Notes { get; init; }
        public SessionStatus Status { get; init; }
        public string? CancellationReason { get; init; }
        public DateTime? RegisterClosedAt { get; init; }
        public string CheckInCode { get; init; } = "";
    }

    private sealed class BookingRowData
    {
        public Guid BookingId { get; init; }
        public Guid SessionId { get; init; }
        public string CourseTitle { get; init; } = "";
        public DateTime StartsAtUtc { get; init; }
        public DateTime EndsAtUtc { get; init; }
        public string Where { get; init; } = "";
        public BookingStatus Status { get; init; }
        public int? WaitlistPosition { get; init; }
        public string PractitionerName { get; init; } = "";
        public Guid PractitionerId { get; init; }
        public Guid AgencyId { get; init; }
        public string Agency { get; init; } = "";
        public DateTime CreatedAt { get; init; }
        public int ChargePence { get; init; }
    }

    private IQueryable<CourseVersion> CurrentVersions() =>
        db.Set<CourseVersion>().Where(v => v.Number == db.Set<CourseVersion>().Where(x => x.CourseId == v.CourseId).Max(x => x.Number));
}

/// <summary>Lists a course's bookable sessions on its catalogue page.</summary>
internal sealed class CourseSessions(SessionQueries queries) : ICourseSessions
{
    public async Task<IReadOnlyList<UpcomingSession>> UpcomingAsync(Guid courseId, CancellationToken cancellationToken) =>
        (await queries.BookableAsync(courseId, cancellationToken))
            .Select(s => new UpcomingSession(s.Id, s.StartsAtUtc, s.EndsAtUtc, s.Where, s.PlacesLeft, $"/sessions/{s.Id}")).ToList();
}
