using Microsoft.EntityFrameworkCore;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Catalogue.Domain;
using TrainingPortal.Catalogue.Services;
using TrainingPortal.Core;
using TrainingPortal.Core.Results;
using TrainingPortal.Core.Security;
using TrainingPortal.Data;
using TrainingPortal.Data.Auditing;
using TrainingPortal.Sessions.Domain;

namespace TrainingPortal.Sessions.Services;

/// <summary>One line of a register.</summary>
public sealed record RegisterLine(
    Guid BookingId, Guid PractitionerId, string Name, string? Email, string Agency, string? JobTitle, BookingStatus Status, DateTime? CheckedInAt, string? CertificateNumber);

/// <summary>A session's register: who holds a place and what the trainer has marked.</summary>
public sealed record RegisterView(SessionSummary Session, IReadOnlyList<RegisterLine> Lines, bool IsClosed, bool CheckInOpen)
{
    public int Unmarked => Lines.Count(l => l.Status == BookingStatus.Booked);
}

/// <summary>
/// The trainer's attendance register. Marks can be changed until it is closed; closing creates training records
/// (and certificates) for those who attended, charges and reports did-not-attend to the person's agency.
/// </summary>
public sealed class Registers(
    PortalDbContext db, SessionQueries queries, Learners learners, TrainingRecords records, BookingService bookings, SessionMail mail,
    ICurrentUser currentUser, AuditTrail audit, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>True for the session's trainers and for coordinators.</summary>
    public async Task<bool> MayTakeAsync(Guid sessionId, CancellationToken cancellationToken = default) =>
        currentUser.IsInRole(Roles.TrainingCoordinator) || currentUser.IsInRole(Roles.Administrator)
        || (currentUser.UserId is { } userId && await db.Set<SessionTrainer>().AnyAsync(t => t.SessionId == sessionId && t.UserId == userId, cancellationToken));

    public async Task<RegisterView?> GetAsync(Guid sessionId, CancellationToken cancellationToken = default)
    {
        if (!await MayTakeAsync(sessionId, cancellationToken) || await queries.SummaryAsync(sessionId, cancellationToken) is not { } summary)
        {
            return null;
        }
        var lines = await queries.RegisterLinesAsync(sessionId, cancellationToken);
        return new RegisterView(summary, lines, summary.RegisterClosedAt is not null, Session.IsCheckInOpen(summary.Status, summary.RegisterClosedAt, summary.StartsAtUtc, summary.EndsAtUtc, Now));
    }

    /// <summary>Marks people on the register. Only once the session has started, and not after the register is closed.</summary>
    public async Task<OperationResult> MarkAsync(Guid sessionId, IReadOnlyDictionary<Guid, AttendanceMark> marks, CancellationToken cancellationToken = default)
    {
        if (!await MayTakeAsync(sessionId, cancellationToken))
        {
            return OperationResult.Failed("", "Only the session's trainers and the training unit can take its register.");
        }
        var session = await db.Set<Session>().AsNoTracking().SingleAsync(s => s.Id == sessionId, cancellationToken);
        if (session.Status != SessionStatus.Scheduled || session.RegisterClosedAt is not null)
        {
            return OperationResult.Failed("", "This register is closed.");
        }
        if (Now < Session.RegisterOpensAt(session.StartsAtUtc))
        {
            return OperationResult.Failed("", "The register opens 30 minutes before the session starts.");
        }
        var lines = await db.Set<Booking>().Where(b => b.SessionId == sessionId && marks.Keys.Contains(b.Id)).ToListAsync(cancellationToken);
        foreach (var booking in lines)
        {
            var to = BookingRules.StatusFor(marks[booking.Id]);
            if (booking.Status != to && BookingRules.CanMove(booking.Status, to))
            {
                booking.Status = to;
            }
        }
        audit.Record("Register marked", "Session", sessionId, $"{lines.Count} people");
        await db.SaveChangesAsync(cancellationToken);
        return OperationResult.Success;
    }

    /// <summary>
    /// An attendee checks themselves in with the code the trainer shows: accepted only while the session is running
    /// (from 30 minutes before) and only for someone booked on it.
    /// </summary>
    public async Task<OperationResult<SessionSummary>> CheckInAsync(string? code, CancellationToken cancellationToken = default)
    {
        var normalised = new string((code ?? "").Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
        if (normalised.Length == 0)
        {
            return OperationResult<SessionSummary>.Failed("Code", "Enter the code your trainer is showing");
        }
        var practitionerId = await learners.FindCurrentAsync(cancellationToken);
        var now = Now;
        var candidates = await db.Set<Session>().AsNoTracking()
            .Where(s => s.CheckInCode == normalised && s.Status == SessionStatus.Scheduled && s.RegisterClosedAt == null)
            .ToListAsync(cancellationToken);
        var running = candidates.Where(s => s.IsCheckInOpenAt(now)).ToList();
        if (running.Count == 0)
        {
            return OperationResult<SessionSummary>.Failed("Code", candidates.Count == 0
                ? "That code does not match a session. Check it and try again"
                : "Check-in is open from 30 minutes before the session starts until it ends");
        }
        var ids = running.Select(s => s.Id).ToList();
        var booking = practitionerId is null ? null : await db.Set<Booking>()
            .SingleOrDefaultAsync(b => ids.Contains(b.SessionId) && b.PractitionerId == practitionerId
                && (b.Status == BookingStatus.Booked || b.Status == BookingStatus.Attended || b.Status == BookingStatus.PartiallyAttended || b.Status == BookingStatus.DidNotAttend), cancellationToken);
        if (booking is null)
        {
            return OperationResult<SessionSummary>.Failed("Code", "You do not have a place on this session. Speak to the trainer");
        }
        if (booking.Status != BookingStatus.Attended)
        {
            booking.Status = BookingStatus.Attended;
        }
        booking.CheckedInAt ??= now;
        audit.Record("Checked in", "Practitioner", booking.PractitionerId, $"Session {booking.SessionId}");
        await db.SaveChangesAsync(cancellationToken);
        return OperationResult<SessionSummary>.Ok((await queries.SummaryAsync(booking.SessionId, cancellationToken))!);
    }

    /// <summary>
    /// Closes the register once everyone is marked: attendees get a training record and certificate, did-not-attend
    /// is charged to the person's agency and its leads are told. Closing twice changes nothing.
    /// </summary>
    public async Task<OperationResult> CloseAsync(Guid sessionId, CancellationToken cancellationToken = default)
    {
        if (!await MayTakeAsync(sessionId, cancellationToken))
        {
            return OperationResult.Failed("", "Only the session's trainers and the training unit can close its register.");
        }
        var session = await db.Set<Session>().AsNoTracking().SingleAsync(s => s.Id == sessionId, cancellationToken);
        if (session.RegisterClosedAt is not null)
        {
            return OperationResult.Failed("", "This register is already closed.");
        }
        if (session.Status != SessionStatus.Scheduled || Now < session.StartsAtUtc)
        {
            return OperationResult.Failed("", "The register can be closed once the session has started.");
        }
        var unmarked = await db.Set<Booking>().CountAsync(b => b.SessionId == sessionId && b.Status == BookingStatus.Booked, cancellationToken);
        if (unmarked > 0)
        {
            return OperationResult.Failed("", $"Mark everyone before closing the register: {unmarked} {(unmarked == 1 ? "person is" : "people are")} not marked.");
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var closed = await db.Set<Session>().Where(s => s.Id == sessionId && s.RegisterClosedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RegisterClosedAt, Now).SetProperty(x => x.Status, SessionStatus.Completed).SetProperty(x => x.WaitlistCount, 0), cancellationToken);
        if (closed == 0)
        {
            return OperationResult.Failed("", "This register is already closed.");
        }
        // Nobody still waiting gets a place now.
        await db.Set<Booking>().Where(b => b.SessionId == sessionId && (b.Status == BookingStatus.Waitlisted || b.Status == BookingStatus.Requested))
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.Status, BookingStatus.Cancelled).SetProperty(b => b.CancelledAt, Now), cancellationToken);
        var versionId = await db.CurrentCourseVersions().Where(v => v.CourseId == session.CourseId).Select(v => v.Id).SingleAsync(cancellationToken);
        var day = DateOnly.FromDateTime(UkTime.FromUtc(session.StartsAtUtc));
        var charge = await bookings.ChargeForAsync(session.CourseId, null, cancellationToken);
        var marked = await db.Set<Booking>().Where(b => b.SessionId == sessionId && (b.Status == BookingStatus.Attended || b.Status == BookingStatus.DidNotAttend)).ToListAsync(cancellationToken);
        var attended = marked.Where(b => b.Status == BookingStatus.Attended).ToList();
        var earned = await records.AddCompletionsAsync(attended.Select(b => b.PractitionerId), versionId, day, TrainingSource.Session, null, cancellationToken);
        attended.ForEach(b => b.TrainingRecordId = earned[b.PractitionerId].Id);
        var missed = marked.Where(b => b.Status == BookingStatus.DidNotAttend).ToList();
        missed.ForEach(b => b.ChargePence = charge);
        foreach (var facts in await mail.FactsAsync(missed.Select(b => b.Id).ToList(), cancellationToken))
        {
            await mail.DidNotAttendAsync(facts, charge, cancellationToken);
        }
        audit.Record("Register closed", "Session", sessionId,
            $"{marked.Count(b => b.Status == BookingStatus.Attended)} attended, {marked.Count(b => b.Status == BookingStatus.DidNotAttend)} did not attend");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return OperationResult.Success;
    }
}
