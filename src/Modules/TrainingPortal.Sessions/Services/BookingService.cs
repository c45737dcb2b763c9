using Microsoft.EntityFrameworkCore;
using TrainingPortal.Agencies.Domain;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Catalogue.Domain;
using TrainingPortal.Catalogue.Services;
using TrainingPortal.Core;
using TrainingPortal.Core.Results;
using TrainingPortal.Core.Security;
using TrainingPortal.Data;
using TrainingPortal.Data.Auditing;
using TrainingPortal.Data.Settings;
using TrainingPortal.Sessions.Domain;

namespace TrainingPortal.Sessions.Services;

/// <summary>What happened to a booking attempt: the status the person ended with, or why it was refused.</summary>
public sealed record BookingResult(bool Succeeded, BookingStatus? Status, Guid? BookingId, int? WaitlistPosition, string? Reason)
{
    public static BookingResult Refused(string reason) => new(false, null, null, null, reason);

    public static BookingResult Placed(Booking booking) => new(true, booking.Status, booking.Id, booking.WaitlistPosition, null);
}

/// <summary>
/// What cancelling a booking would do: whether it still can be, and whether it would count as a late cancellation
/// (inside the window of <see cref="LateCancellationHours"/>) charged to the agency.
/// </summary>
public sealed record CancellationPreview(
    BookingFacts Booking, BookingStatus Status, bool IsOwn, bool CanCancel, bool IsLate, int LateCancellationHours, int ChargePence);

/// <summary>
/// Books, approves, declines and cancels places. Capacity and the waitlist are guarded by the database: a place is
/// taken only by a conditional update of the session's counters (<c>BookedCount &lt; Capacity</c> and nobody
/// waiting), inside a transaction that holds the session's row (PostgreSQL) or the write lock (SQLite) until the
/// booking is saved, so any number of requests and app instances at once never overfill a session or let anyone
/// jump the waiting list.
/// </summary>
public sealed class BookingService(
    PortalDbContext db, Learners learners, Qualifications qualifications, AgencyScope scope, ICurrentUser currentUser,
    SessionMail mail, SessionQueries queries, PortalSettings settings, AuditTrail audit, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The signed-in person's agencies they can book through (current, not declined), first the confirmed ones.</summary>
    public async Task<IReadOnlyList<LookupItem<Guid>>> BookableAgenciesAsync(CancellationToken cancellationToken = default)
    {
        if (await learners.FindCurrentAsync(cancellationToken) is not { } practitionerId)
        {
            return [];
        }
        return await BookableAgencies(practitionerId)
            .Select(x => new LookupItem<Guid>(x.AgencyId, x.Name))
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Books the signed-in person onto a session through one of their agencies (their first, when not given).
    /// Refused, with the reason, when prerequisites are missing, they already hold a place, it overlaps another
    /// booking, or booking has closed. Where the course needs approval the booking waits for the lead.
    /// </summary>
    public async Task<BookingResult> BookAsync(Guid sessionId, Guid? agencyId = null, CancellationToken cancellationToken = default)
    {
        var practitionerId = await learners.EnsureCurrentAsync(cancellationToken);
        var session = await db.Set<Session>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
        if (session is null)
        {
            return BookingResult.Refused("That session no longer exists.");
        }
        if (session.Status != SessionStatus.Scheduled)
        {
            return BookingResult.Refused("This session has been cancelled.");
        }
        if (session.StartsAtUtc <= Now)
        {
            return BookingResult.Refused("This session has already started.");
        }
        if (UkToday > session.BookingClosesOn)
        {
            return BookingResult.Refused($"Booking for this session closed on {session.BookingClosesOn:d MMMM yyyy}.");
        }
        var agencies = await BookableAgencies(practitionerId).Select(x => x.AgencyId).ToListAsync(cancellationToken);
        if (agencies.Count == 0)
        {
            return BookingResult.Refused("Your account is not linked to an agency. Ask your agency's safeguarding lead to add you, then book.");
        }
        var agency = agencyId ?? agencies[0];
        if (!agencies.Contains(agency))
        {
            return BookingResult.Refused("You can only book through an agency you work for.");
        }
        var missing = await qualifications.MissingPrerequisitesAsync(practitionerId, session.CourseId, cancellationToken);
        if (missing.Count > 0)
        {
            return BookingResult.Refused($"Needs: {string.Join(", ", missing.Select(m => m.Title))}");
        }
        if (await db.Set<Booking>().AnyAsync(b => b.SessionId == sessionId && b.PractitionerId == practitionerId && BookingRules.ActiveStatuses.Contains(b.Status), cancellationToken))
        {
            return BookingResult.Refused("You already have a booking on this session.");
        }
        if (await OverlappingAsync(practitionerId, session, cancellationToken) is { } clash)
        {
            return BookingResult.Refused($"This overlaps your booking on {clash}.");
        }

        var needsApproval = await db.CurrentCourseVersions().Where(v => v.CourseId == session.CourseId).Select(v => v.RequiresApproval).SingleAsync(cancellationToken);
        var booking = new Booking { Id = Guid.NewGuid(), SessionId = sessionId, PractitionerId = practitionerId, AgencyId = agency, CreatedAt = Now };
        try
        {
            if (needsApproval)
            {
                // The request and the email to the lead are saved together, or neither is.
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                booking.Status = BookingStatus.Requested;
                db.Set<Booking>().Add(booking);
                audit.Record("Booking requested", "Practitioner", practitionerId, $"Session {sessionId}");
                await db.SaveChangesAsync(cancellationToken);
                await mail.ApprovalRequestedAsync(await mail.FactsAsync(booking.Id, cancellationToken), cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return BookingResult.Placed(booking);
            }
            return await PlaceAsync(booking, isNew: true, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two submissions at once: the unique index let only one in.
            db.ChangeTracker.Clear();
            if (await db.Set<Booking>().AsNoTracking().AnyAsync(b => b.SessionId == sessionId && b.PractitionerId == practitionerId && BookingRules.ActiveStatuses.Contains(b.Status), cancellationToken))
            {
                return BookingResult.Refused("You already have a booking on this session.");
            }
            throw;
        }
    }

    /// <summary>
    /// Whether the current user may decide a booking (approve, decline): allowed for the leads of the agency it was
    /// booked through and the training unit; forbidden for anyone else; not found when there is no such booking.
    /// </summary>
    public async Task<Access> DecisionAccessAsync(Guid bookingId, CancellationToken cancellationToken = default)
    {
        var agencyId = await db.Set<Booking>().Where(b => b.Id == bookingId).Select(b => (Guid?)b.AgencyId).SingleOrDefaultAsync(cancellationToken);
        if (agencyId is null)
        {
            return Access.NotFound;
        }
        return await scope.CanManageAsync(agencyId.Value, cancellationToken) ? Access.Allowed : Access.Forbidden;
    }

    /// <summary>The lead (or a coordinator) approves a request: the person gets a place, or joins the waitlist if it is full.</summary>
    public async Task<BookingResult> ApproveAsync(Guid bookingId, CancellationToken cancellationToken = default)
    {
        var booking = await db.Set<Booking>().SingleOrDefaultAsync(b => b.Id == bookingId, cancellationToken);
        if (booking is null || !await scope.CanManageAsync(booking.AgencyId, cancellationToken))
        {
            return BookingResult.Refused("That request no longer exists.");
        }
        if (booking.Status != BookingStatus.Requested)
        {
            return BookingResult.Refused("That request has already been decided.");
        }
        var session = await db.Set<Session>().AsNoTracking().SingleAsync(s => s.Id == booking.SessionId, cancellationToken);
        if (session.Status != SessionStatus.Scheduled || session.StartsAtUtc <= Now)
        {
            return BookingResult.Refused("The session has been cancelled or has already started.");
        }
        booking.DecidedAt = Now;
        booking.DecidedByUserId = currentUser.UserId;
        audit.Record("Booking approved", "Practitioner", booking.PractitionerId, $"Session {booking.SessionId}");
        return await PlaceAsync(booking, isNew: false, cancellationToken);
    }

    /// <summary>The lead (or a coordinator) declines a request, with a reason the person is told.</summary>
    public async Task<OperationResult> DeclineAsync(Guid bookingId, string? reason, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return OperationResult.Failed("", "Enter the reason, so the person knows why");
        }
        var booking = await db.Set<Booking>().SingleOrDefaultAsync(b => b.Id == bookingId, cancellationToken);
        if (booking is null || !await scope.CanManageAsync(booking.AgencyId, cancellationToken))
        {
            return OperationResult.Failed("", "That request no longer exists.");
        }
        var changed = await db.Set<Booking>().Where(b => b.Id == bookingId && b.Status == BookingStatus.Requested)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.Status, BookingStatus.Declined).SetProperty(b => b.DeclineReason, reason.Trim())
                .SetProperty(b => b.DecidedAt, Now).SetProperty(b => b.DecidedByUserId, currentUser.UserId), cancellationToken);
        if (changed == 0)
        {
            return OperationResult.Failed("", "That request has already been decided.");
        }
        audit.Record("Booking declined", "Practitioner", booking.PractitionerId, $"Session {booking.SessionId}: {reason.Trim()}");
        await mail.DeclinedAsync(await mail.FactsAsync(bookingId, cancellationToken), reason.Trim(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return OperationResult.Success;
    }

    /// <summary>
    /// Cancels a booking: the person's own, or a member of staff's for their lead (or anyone's for a coordinator).
    /// Inside the late-cancellation window a held place becomes LateCancelled and may be charged. A freed place goes
    /// to the first person on the waitlist in the same transaction.
    /// </summary>
    public async Task<OperationResult> CancelAsync(Guid bookingId, CancellationToken cancellationToken = default)
    {
        if (await CancellationTermsAsync(bookingId, cancellationToken) is not { } terms)
        {
            return OperationResult.Failed("", "That booking no longer exists.");
        }
        var (booking, session) = (terms.Booking, terms.Session);
        if (session.StartsAtUtc <= Now)
        {
            return OperationResult.Failed("", "The session has started: the trainer records attendance now.");
        }
        var (late, charge) = (terms.LateIfHeld, terms.ChargeIfLate);

        BookingFacts? promoted = null;
        bool heldPlace;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await LockSessionAsync(session.Id, cancellationToken);
            var current = await db.Set<Booking>().AsNoTracking().Where(b => b.Id == bookingId).Select(b => b.Status).SingleAsync(cancellationToken);
            heldPlace = current == BookingStatus.Booked;
            var to = heldPlace && late ? BookingStatus.LateCancelled : BookingStatus.Cancelled;
            if (!BookingRules.CanMove(current, to))
            {
                return OperationResult.Failed("", "That booking has already been cancelled or closed.");
            }
            await db.Set<Booking>().Where(b => b.Id == bookingId && b.Status == current)
                .ExecuteUpdateAsync(s => s.SetProperty(b => b.Status, to).SetProperty(b => b.CancelledAt, Now)
                    .SetProperty(b => b.CancelledByUserId, currentUser.UserId).SetProperty(b => b.ChargePence, to == BookingStatus.LateCancelled ? charge : 0)
                    .SetProperty(b => b.CalendarSequence, b => b.CalendarSequence + 1), cancellationToken);
            if (current == BookingStatus.Waitlisted)
            {
                await db.Set<Session>().Where(s => s.Id == session.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.WaitlistCount, x => x.WaitlistCount - 1), cancellationToken);
            }
            else if (heldPlace)
            {
                promoted = await FillFreedPlaceAsync(session.Id, cancellationToken);
            }
            audit.Record(to == BookingStatus.LateCancelled ? "Booking cancelled late" : "Booking cancelled", "Practitioner", booking.PractitionerId, $"Session {session.Id}");
            await mail.CancelledAsync(await mail.FactsAsync(bookingId, cancellationToken), heldPlace, to == BookingStatus.LateCancelled, cancellationToken);
            if (promoted is not null)
            {
                await mail.BookedAsync(promoted, promoted: true, cancellationToken);
            }
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        return OperationResult.Success;
    }

    /// <summary>
    /// What cancelling a booking would do, for the confirmation page, worked out by the same rules as
    /// <see cref="CancelAsync"/>. Null when the booking does not exist or is not the current user's to cancel.
    /// </summary>
    public async Task<CancellationPreview?> PreviewCancelAsync(Guid bookingId, CancellationToken cancellationToken = default)
    {
        if (await CancellationTermsAsync(bookingId, cancellationToken) is not { } terms)
        {
            return null;
        }
        var booking = terms.Booking;
        var canCancel = terms.Session.StartsAtUtc > Now && BookingRules.CanMove(booking.Status, BookingStatus.Cancelled);
        var late = canCancel && booking.Status == BookingStatus.Booked && terms.LateIfHeld;
        return new CancellationPreview(await mail.FactsAsync(bookingId, cancellationToken), booking.Status, terms.IsOwn, canCancel, late,
            terms.Settings.LateCancellationHours, late ? terms.ChargeIfLate : 0);
    }

    private sealed record CancellationTerms(Booking Booking, Session Session, bool IsOwn, SessionSettings Settings, bool LateIfHeld, int ChargeIfLate);

    /// <summary>
    /// The booking and what cancelling it now would cost if it holds a place; null when it does not exist or is
    /// neither the current user's own nor one of the staff they manage.
    /// </summary>
    private async Task<CancellationTerms?> CancellationTermsAsync(Guid bookingId, CancellationToken cancellationToken)
    {
        var booking = await db.Set<Booking>().AsNoTracking().SingleOrDefaultAsync(b => b.Id == bookingId, cancellationToken);
        var me = await learners.FindCurrentAsync(cancellationToken);
        if (booking is null || (booking.PractitionerId != me && !await scope.CanManageAsync(booking.AgencyId, cancellationToken)))
        {
            return null;
        }
        var session = await db.Set<Session>().AsNoTracking().SingleAsync(s => s.Id == booking.SessionId, cancellationToken);
        var sessionSettings = await SessionSettings.ReadAsync(settings, cancellationToken);
        var late = BookingRules.IsLate(Now, session.StartsAtUtc, sessionSettings.LateCancellationWindow);
        var charge = late ? await ChargeForAsync(session.CourseId, sessionSettings, cancellationToken) : 0;
        return new CancellationTerms(booking, session, booking.PractitionerId == me, sessionSettings, late, charge);
    }

    /// <summary>
    /// Gives a freed place to the first person on the waitlist, or returns it to the session. Call inside a
    /// transaction that holds the session (see <see cref="LockSessionAsync"/>).
    /// </summary>
    internal async Task<BookingFacts?> FillFreedPlaceAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        while (true)
        {
            var next = await db.Set<Booking>().AsNoTracking()
                .Where(b => b.SessionId == sessionId && b.Status == BookingStatus.Waitlisted)
                .OrderBy(b => b.WaitlistPosition).Select(b => (Guid?)b.Id).FirstOrDefaultAsync(cancellationToken);
            if (next is null)
            {
                await db.Set<Session>().Where(s => s.Id == sessionId).ExecuteUpdateAsync(s => s.SetProperty(x => x.BookedCount, x => x.BookedCount - 1), cancellationToken);
                return null;
            }
            var promoted = await db.Set<Booking>().Where(b => b.Id == next && b.Status == BookingStatus.Waitlisted)
                .ExecuteUpdateAsync(s => s.SetProperty(b => b.Status, BookingStatus.Booked).SetProperty(b => b.CalendarSequence, b => b.CalendarSequence + 1), cancellationToken);
            if (promoted == 1)
            {
                await db.Set<Session>().Where(s => s.Id == sessionId).ExecuteUpdateAsync(s => s.SetProperty(x => x.WaitlistCount, x => x.WaitlistCount - 1), cancellationToken);
                audit.Record("Promoted from the waitlist", "Booking", next.Value, $"Session {sessionId}");
                return await mail.FactsAsync(next.Value, cancellationToken);
            }
        }
    }

    /// <summary>
    /// Takes the session's row for the rest of the transaction (PostgreSQL row lock; under SQLite the transaction
    /// already holds the write lock), so that counters and the waitlist are changed by one transaction at a time.
    /// </summary>
    internal Task LockSessionAsync(Guid sessionId, CancellationToken cancellationToken) =>
        db.Set<Session>().Where(s => s.Id == sessionId).ExecuteUpdateAsync(s => s.SetProperty(x => x.WaitlistIssued, x => x.WaitlistIssued), cancellationToken);

    private async Task<BookingResult> PlaceAsync(Booking booking, bool isNew, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await LockSessionAsync(booking.SessionId, cancellationToken);
        if (!isNew)
        {
            // Claim the request before taking a place: a second approval or a decline arriving at the same moment finds it decided.
            var claimed = await db.Set<Booking>().Where(b => b.Id == booking.Id && b.Status == BookingStatus.Requested)
                .ExecuteUpdateAsync(s => s.SetProperty(b => b.DecidedAt, booking.DecidedAt), cancellationToken);
            if (claimed == 0)
            {
                return BookingResult.Refused("That request has already been decided.");
            }
        }
        // Take a place only if one is free and nobody is waiting for it: nobody jumps the queue.
        var placed = await db.Set<Session>()
            .Where(s => s.Id == booking.SessionId && s.Status == SessionStatus.Scheduled && s.BookedCount < s.Capacity && s.WaitlistCount == 0)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.BookedCount, x => x.BookedCount + 1), cancellationToken);
        if (placed == 1)
        {
            booking.Status = BookingStatus.Booked;
        }
        else
        {
            var queued = await db.Set<Session>().Where(s => s.Id == booking.SessionId && s.Status == SessionStatus.Scheduled)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.WaitlistCount, x => x.WaitlistCount + 1).SetProperty(x => x.WaitlistIssued, x => x.WaitlistIssued + 1), cancellationToken);
            if (queued == 0)
            {
                return BookingResult.Refused("This session has been cancelled.");
            }
            booking.Status = BookingStatus.Waitlisted;
            booking.WaitlistPosition = await db.Set<Session>().AsNoTracking().Where(s => s.Id == booking.SessionId).Select(s => s.WaitlistIssued).SingleAsync(cancellationToken);
        }
        if (isNew)
        {
            db.Set<Booking>().Add(booking);
        }
        audit.Record(booking.Status == BookingStatus.Booked ? "Place booked" : "Joined the waitlist", "Practitioner", booking.PractitionerId, $"Session {booking.SessionId}");
        await db.SaveChangesAsync(cancellationToken);
        var facts = await mail.FactsAsync(booking.Id, cancellationToken);
        if (booking.Status == BookingStatus.Booked)
        {
            await mail.BookedAsync(facts, promoted: false, cancellationToken);
        }
        else
        {
            var number = (await queries.WaitingNumbersAsync([booking.Id], cancellationToken))[booking.Id];
            await mail.WaitlistedAsync(facts, number, cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return BookingResult.Placed(booking);
    }

    private async Task<string?> OverlappingAsync(Guid practitionerId, Session session, CancellationToken cancellationToken)
    {
        var clash = await (from b in db.Set<Booking>().AsNoTracking()
                           where b.PractitionerId == practitionerId
                                 && (b.Status == BookingStatus.Booked || b.Status == BookingStatus.Waitlisted || b.Status == BookingStatus.Requested)
                           join s in db.Set<Session>() on b.SessionId equals s.Id
                           where s.Status == SessionStatus.Scheduled && s.Id != session.Id && s.StartsAtUtc < session.EndsAtUtc && session.StartsAtUtc < s.EndsAtUtc
                           select new { s.CourseId, s.StartsAtUtc }).FirstOrDefaultAsync(cancellationToken);
        if (clash is null)
        {
            return null;
        }
        var title = await db.CurrentCourseVersions().Where(v => v.CourseId == clash.CourseId).Select(v => v.Title).SingleAsync(cancellationToken);
        return $"{title} on {UkTime.Format(clash.StartsAtUtc)}";
    }

    /// <summary>What a did-not-attend or late cancellation on the course costs: its own charge, or the partnership's default.</summary>
    /// <param name="known">The session settings when the caller has already read them.</param>
    internal async Task<int> ChargeForAsync(Guid courseId, SessionSettings? known, CancellationToken cancellationToken) =>
        await db.Set<CourseCharge>().Where(c => c.CourseId == courseId).Select(c => (int?)c.PencePerPlace).FirstOrDefaultAsync(cancellationToken)
            ?? (known ?? await SessionSettings.ReadAsync(settings, cancellationToken)).DefaultChargePence;

    private sealed record AgencyChoice(Guid AgencyId, string Name);

    private IQueryable<AgencyChoice> BookableAgencies(Guid practitionerId) =>
        db.BookableMemberships(UkToday)
            .Where(m => m.PractitionerId == practitionerId)
            .OrderBy(m => m.Status == MembershipStatus.Confirmed ? 0 : 1).ThenBy(m => m.CreatedAt)
            .Select(m => new AgencyChoice(m.AgencyId, m.Agency!.Name));

    private DateOnly UkToday => DateOnly.FromDateTime(UkTime.FromUtc(Now));
}
