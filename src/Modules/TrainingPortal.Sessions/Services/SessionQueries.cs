using Microsoft.EntityFrameworkCore;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Catalogue.Domain;
using TrainingPortal.Catalogue.Services;
using TrainingPortal.Core;
using TrainingPortal.Core.Paging;
using TrainingPortal.Data;
using TrainingPortal.Identity.Services;
using TrainingPortal.Sessions.Domain;

namespace TrainingPortal.Sessions.Services;

/// <summary>
/// A session as lists and headings show it. Built with an object initialiser rather than a constructor so that
/// queries can still filter and sort on its properties: EF Core cannot translate members of a constructor call.
/// </summary>
public sealed record SessionSummary
{
    public required Guid Id { get; init; }
    public required Guid CourseId { get; init; }
    public required string CourseCode { get; init; }
    public required string CourseTitle { get; init; }
    public required DeliveryMode Mode { get; init; }
    public required DateTime StartsAtUtc { get; init; }
    public required DateTime EndsAtUtc { get; init; }
    public string? VenueName { get; init; }
    public string? VenueAddress { get; init; }
    public string? AccessibilityNotes { get; init; }
    public string? JoiningLink { get; init; }
    public required int Capacity { get; init; }
    public required int BookedCount { get; init; }
    public required int WaitlistCount { get; init; }
    public required DateOnly BookingClosesOn { get; init; }
    public string? Notes { get; init; }
    public required SessionStatus Status { get; init; }
    public string? CancellationReason { get; init; }
    public DateTime? RegisterClosedAt { get; init; }
    public required string CheckInCode { get; init; }

    public int PlacesLeft => Math.Max(0, Capacity - BookedCount);

    public int FillPercent => Capacity == 0 ? 0 : 100 * BookedCount / Capacity;

    public string Where => JoiningLink is not null ? "Online" : VenueName ?? "";
}

/// <summary>A booking as a practitioner's or a lead's list shows it (an object initialiser, like <see cref="SessionSummary"/>, so queries can filter on it).</summary>
public sealed record BookingRow
{
    public required Guid BookingId { get; init; }
    public required Guid SessionId { get; init; }
    public required string CourseTitle { get; init; }
    public required DateTime StartsAtUtc { get; init; }
    public required DateTime EndsAtUtc { get; init; }
    public required string Where { get; init; }
    public required BookingStatus Status { get; init; }
    public int? WaitlistPosition { get; init; }
    public required string PractitionerName { get; init; }
    public required Guid PractitionerId { get; init; }
    public required Guid AgencyId { get; init; }
    public required string Agency { get; init; }
    public required DateTime CreatedAt { get; init; }
    public required int ChargePence { get; init; }
}

/// <summary>Did-not-attend and late cancellations of one agency over a period, and what they cost.</summary>
public sealed record AgencyCharges(Guid AgencyId, string Agency, int DidNotAttend, int LateCancelled, int TotalPence);

/// <summary>A session as a practitioner's page shows it, with their own booking on it if they have one.</summary>
public sealed record SessionPage(SessionSummary Session, IReadOnlyList<string> Trainers, bool RequiresApproval, BookingRow? MyBooking, int? WaitingNumber);

/// <summary>Read models for the sessions module's pages. Everything is filtered and paged in the database.</summary>
public sealed class SessionQueries(PortalDbContext db, AgencyScope scope, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public IQueryable<SessionSummary> Summaries() =>
        from s in db.Set<Session>().AsNoTracking()
        join c in db.AllCourses() on s.CourseId equals c.Id
        join v in CurrentVersions() on s.CourseId equals v.CourseId
        select new SessionSummary
        {
            Id = s.Id, CourseId = s.CourseId, CourseCode = c.Code, CourseTitle = v.Title, Mode = v.DeliveryMode, StartsAtUtc = s.StartsAtUtc,
            EndsAtUtc = s.EndsAtUtc, VenueName = s.VenueName, VenueAddress = s.VenueAddress, AccessibilityNotes = s.AccessibilityNotes,
            JoiningLink = s.JoiningLink, Capacity = s.Capacity, BookedCount = s.BookedCount, WaitlistCount = s.WaitlistCount,
            BookingClosesOn = s.BookingClosesOn, Notes = s.Notes, Status = s.Status, CancellationReason = s.CancellationReason,
            RegisterClosedAt = s.RegisterClosedAt, CheckInCode = s.CheckInCode,
        };

    public Task<SessionSummary?> SummaryAsync(Guid sessionId, CancellationToken cancellationToken = default) =>
        Summaries().SingleOrDefaultAsync(s => s.Id == sessionId, cancellationToken);

    /// <summary>The names of a session's trainers.</summary>
    public async Task<IReadOnlyList<string>> TrainerNamesAsync(Guid sessionId, CancellationToken cancellationToken = default) =>
        await (from t in db.Set<SessionTrainer>().AsNoTracking()
               where t.SessionId == sessionId
               join u in db.Accounts() on t.UserId equals u.Id
               orderby u.LastName
               select u.FirstName + " " + u.LastName).ToListAsync(cancellationToken);

    /// <summary>The user ids of a session's trainers, to fill in the form that changes it.</summary>
    public async Task<IReadOnlyList<Guid>> TrainerIdsAsync(Guid sessionId, CancellationToken cancellationToken = default) =>
        await db.Set<SessionTrainer>().AsNoTracking().Where(t => t.SessionId == sessionId).Select(t => t.UserId).ToListAsync(cancellationToken);

    /// <summary>Upcoming sessions for the coordinator's overview (or past ones), with fill rates, paged.</summary>
    public Task<PagedList<SessionSummary>> OverviewAsync(bool past, Guid? courseId, int page, CancellationToken cancellationToken = default)
    {
        var now = Now;
        var query = Summaries().Where(s => courseId == null || s.CourseId == courseId);
        query = past
            ? query.Where(s => s.StartsAtUtc < now).OrderByDescending(s => s.StartsAtUtc)
            : query.Where(s => s.StartsAtUtc >= now).OrderBy(s => s.StartsAtUtc);
        return query.ToPagedListAsync(page, cancellationToken: cancellationToken);
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
        return await Summaries().Where(s => mine.Contains(s.Id) && s.EndsAtUtc >= since).OrderBy(s => s.StartsAtUtc).ToListAsync(cancellationToken);
    }

    /// <summary>Upcoming scheduled sessions of a course that can still be booked, for the course page.</summary>
    public async Task<IReadOnlyList<SessionSummary>> BookableAsync(Guid courseId, CancellationToken cancellationToken = default)
    {
        var now = Now;
        var today = DateOnly.FromDateTime(UkTime.FromUtc(now));
        return await Summaries().Where(s => s.CourseId == courseId && s.Status == SessionStatus.Scheduled && s.StartsAtUtc > now && s.BookingClosesOn >= today)
            .OrderBy(s => s.StartsAtUtc).Take(20).ToListAsync(cancellationToken);
    }

    /// <summary>A session's register lines: everyone who holds (or held) a place.</summary>
    public async Task<IReadOnlyList<RegisterLine>> RegisterLinesAsync(Guid sessionId, CancellationToken cancellationToken = default)
    {
        var memberships = db.AllMemberships();
        var records = db.AllTrainingRecords();
        return await (from b in db.Set<Booking>().AsNoTracking()
                      where b.SessionId == sessionId && (b.Status == BookingStatus.Booked || b.Status == BookingStatus.Attended
                          || b.Status == BookingStatus.PartiallyAttended || b.Status == BookingStatus.DidNotAttend)
                      join p in db.AllPractitioners() on b.PractitionerId equals p.Id
                      join a in db.AllAgencies() on b.AgencyId equals a.Id
                      orderby p.LastName, p.FirstName
                      select new RegisterLine(b.Id, p.Id, p.FirstName + " " + p.LastName, p.Email, a.Name,
                          memberships.Where(m => m.PractitionerId == p.Id && m.AgencyId == a.Id).Select(m => m.JobTitle).FirstOrDefault(),
                          b.Status, b.CheckedInAt,
                          records.Where(r => r.Id == b.TrainingRecordId).Select(r => r.CertificateNumber).FirstOrDefault()))
                   .ToListAsync(cancellationToken);
    }

    /// <summary>Everyone on a session who does not hold a place: the waitlist in order, then requests and cancellations.</summary>
    public async Task<IReadOnlyList<BookingRow>> OthersOnSessionAsync(Guid sessionId, CancellationToken cancellationToken = default) =>
        await Rows().Where(r => r.SessionId == sessionId && !(r.Status == BookingStatus.Booked || r.Status == BookingStatus.Attended
                || r.Status == BookingStatus.PartiallyAttended || r.Status == BookingStatus.DidNotAttend))
            .OrderBy(r => r.Status == BookingStatus.Waitlisted ? 0 : r.Status == BookingStatus.Requested ? 1 : 2).ThenBy(r => r.WaitlistPosition).ThenBy(r => r.CreatedAt)
            .ToListAsync(cancellationToken);

    /// <summary>A practitioner's bookings: upcoming (and waiting), or past.</summary>
    public async Task<IReadOnlyList<BookingRow>> ForPractitionerAsync(Guid practitionerId, bool past, CancellationToken cancellationToken = default)
    {
        var now = Now;
        var rows = Rows().Where(r => r.PractitionerId == practitionerId);
        return past
            ? await rows.Where(r => r.EndsAtUtc < now).OrderByDescending(r => r.StartsAtUtc).Take(100).ToListAsync(cancellationToken)
            : await rows.Where(r => r.EndsAtUtc >= now).OrderBy(r => r.StartsAtUtc).ToListAsync(cancellationToken);
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
        return await rows.ToPagedListAsync(page, cancellationToken: cancellationToken);
    }

    /// <summary>Requests waiting for approval in the agencies the current user leads (all agencies for a coordinator).</summary>
    public async Task<IReadOnlyList<BookingRow>> RequestsAsync(CancellationToken cancellationToken = default)
    {
        var visible = (await scope.VisibleAgenciesAsync(cancellationToken)).Select(a => a.Id);
        return await Rows().Where(r => r.Status == BookingStatus.Requested && visible.Contains(r.AgencyId)).OrderBy(r => r.StartsAtUtc).ThenBy(r => r.CreatedAt)
            .Take(200).ToListAsync(cancellationToken);
    }

    /// <summary>Did-not-attend and late cancellations per agency for sessions that started in [from, to), with charges.</summary>
    public async Task<IReadOnlyList<AgencyCharges>> ChargesAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        var start = UkTime.ToUtc(from.ToDateTime(TimeOnly.MinValue));
        var end = UkTime.ToUtc(to.ToDateTime(TimeOnly.MinValue));
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
        var names = await db.AllAgencies().Where(a => visible.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        return totals.Select(t => new AgencyCharges(t.AgencyId, names.GetValueOrDefault(t.AgencyId, "Unknown agency"), t.DidNotAttend, t.LateCancelled, t.Total))
            .OrderBy(t => t.Agency).ToList();
    }

    /// <summary>
    /// What a practitioner's session page shows: the session, its trainers, whether the course needs the lead's
    /// approval, and the person's own booking on it that still counts (with their place in the queue when waiting).
    /// </summary>
    public async Task<SessionPage?> SessionPageAsync(Guid sessionId, Guid? practitionerId, CancellationToken cancellationToken = default)
    {
        if (await SummaryAsync(sessionId, cancellationToken) is not { } summary)
        {
            return null;
        }
        var trainers = await TrainerNamesAsync(sessionId, cancellationToken);
        var requiresApproval = await CurrentVersions().Where(v => v.CourseId == summary.CourseId).Select(v => v.RequiresApproval).FirstOrDefaultAsync(cancellationToken);
        var booking = practitionerId is null ? null : await Rows()
            .Where(r => r.SessionId == sessionId && r.PractitionerId == practitionerId && BookingRules.ActiveStatuses.Contains(r.Status))
            .FirstOrDefaultAsync(cancellationToken);
        int? waitingNumber = booking is { Status: BookingStatus.Waitlisted }
            ? (await WaitingNumbersAsync([booking.BookingId], cancellationToken)).GetValueOrDefault(booking.BookingId)
            : null;
        return new SessionPage(summary, trainers, requiresApproval, booking, waitingNumber);
    }

    /// <summary>
    /// Where each waiting booking stands in its session's queue now (1 is next for a place): people see "number 3",
    /// not the position handed out when they joined. Bookings that are not waiting are left out.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, int>> WaitingNumbersAsync(IEnumerable<Guid> bookingIds, CancellationToken cancellationToken = default)
    {
        var ids = bookingIds.Distinct().ToArray();
        if (ids.Length == 0)
        {
            return new Dictionary<Guid, int>();
        }
        var waiting = db.Set<Booking>().AsNoTracking().Where(b => b.Status == BookingStatus.Waitlisted);
        return await waiting.Where(b => ids.Contains(b.Id))
            .Select(b => new { b.Id, Number = waiting.Count(o => o.SessionId == b.SessionId && o.WaitlistPosition <= b.WaitlistPosition) })
            .ToDictionaryAsync(x => x.Id, x => x.Number, cancellationToken);
    }

    /// <summary>An agency's did-not-attend and late cancellations, latest session first, with what each was charged; paged.</summary>
    public async Task<PagedList<BookingRow>> MissedPlacesAsync(Guid agencyId, int page, CancellationToken cancellationToken = default)
    {
        if (!await scope.CanManageAsync(agencyId, cancellationToken))
        {
            return new PagedList<BookingRow>([], 1, PagingExtensions.DefaultPageSize, 0);
        }
        return await Rows().Where(r => r.AgencyId == agencyId && (r.Status == BookingStatus.DidNotAttend || r.Status == BookingStatus.LateCancelled))
            .OrderByDescending(r => r.StartsAtUtc).ThenBy(r => r.PractitionerName)
            .ToPagedListAsync(page, cancellationToken: cancellationToken);
    }

    /// <summary>How many requests are waiting for approval in the agencies the current user leads (all agencies for a coordinator).</summary>
    public async Task<int> RequestCountAsync(CancellationToken cancellationToken = default)
    {
        var visible = (await scope.VisibleAgenciesAsync(cancellationToken)).Select(a => a.Id);
        return await db.Set<Booking>().AsNoTracking().CountAsync(b => b.Status == BookingStatus.Requested && visible.Contains(b.AgencyId), cancellationToken);
    }

    /// <summary>The agencies whose bookings the current user manages (those they lead; every agency for a coordinator), by name.</summary>
    public async Task<IReadOnlyList<LookupItem<Guid>>> ManagedAgenciesAsync(CancellationToken cancellationToken = default) =>
        await (await scope.VisibleAgenciesAsync(cancellationToken)).OrderBy(a => a.Name).Select(a => new LookupItem<Guid>(a.Id, a.Name)).ToListAsync(cancellationToken);

    private IQueryable<BookingRow> Rows() =>
        from b in db.Set<Booking>().AsNoTracking()
        join s in db.Set<Session>() on b.SessionId equals s.Id
        join v in CurrentVersions() on s.CourseId equals v.CourseId
        join p in db.AllPractitioners() on b.PractitionerId equals p.Id
        join a in db.AllAgencies() on b.AgencyId equals a.Id
        select new BookingRow
        {
            BookingId = b.Id, SessionId = s.Id, CourseTitle = v.Title, StartsAtUtc = s.StartsAtUtc, EndsAtUtc = s.EndsAtUtc,
            Where = s.JoiningLink != null ? "Online" : s.VenueName ?? "", Status = b.Status, WaitlistPosition = b.WaitlistPosition,
            PractitionerName = p.FirstName + " " + p.LastName, PractitionerId = p.Id, AgencyId = a.Id, Agency = a.Name, CreatedAt = b.CreatedAt,
            ChargePence = b.ChargePence,
        };

    private IQueryable<CourseVersion> CurrentVersions() => db.CurrentCourseVersions();
}

/// <summary>Lists a course's bookable sessions on its catalogue page.</summary>
internal sealed class CourseSessions(SessionQueries queries) : ICourseSessions
{
    public async Task<IReadOnlyList<UpcomingSession>> UpcomingAsync(Guid courseId, CancellationToken cancellationToken) =>
        (await queries.BookableAsync(courseId, cancellationToken))
            .Select(s => new UpcomingSession(s.Id, s.StartsAtUtc, s.EndsAtUtc, s.Where, s.PlacesLeft, $"/sessions/{s.Id}")).ToList();
}
