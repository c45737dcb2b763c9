using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Catalogue.Domain;
using TrainingPortal.Catalogue.Services;
using TrainingPortal.Core;
using TrainingPortal.Core.Results;
using TrainingPortal.Core.Security;
using TrainingPortal.Data;
using TrainingPortal.Data.Auditing;
using TrainingPortal.Identity.Domain;
using TrainingPortal.Sessions.Domain;

namespace TrainingPortal.Sessions.Services;

/// <summary>What a coordinator enters to schedule or change a session. Times are UK local times.</summary>
public sealed class SessionInput
{
    public Guid? CourseId { get; set; }

    public DateOnly? Date { get; set; }

    /// <summary>Start time, "09:30".</summary>
    public string? StartTime { get; set; }

    /// <summary>End time, "16:00".</summary>
    public string? EndTime { get; set; }

    public bool IsVirtual { get; set; }

    public string? VenueName { get; set; }

    public string? VenueAddress { get; set; }

    public string? AccessibilityNotes { get; set; }

    public string? JoiningLink { get; set; }

    public int? Capacity { get; set; }

    public DateOnly? BookingClosesOn { get; set; }

    public string? Notes { get; set; }

    public List<Guid> TrainerIds { get; set; } = [];
}

/// <summary>A person who may be named as a session's trainer, and whether they hold the GCP2 trainer licence.</summary>
public sealed record TrainerChoice(Guid UserId, string Name, string Email, bool IsGcp2Trainer);

/// <summary>Schedules, changes and cancels sessions. Only licensed GCP2 trainers can be given GCP2 practitioner sessions.</summary>
public sealed class SessionScheduler(
    PortalDbContext db, UserManager<PortalUser> users, Qualifications qualifications, BookingService bookings, SessionMail mail,
    AuditTrail audit, TimeProvider clock)
{
    public const int MaxCapacity = 500;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Courses that run as sessions (face-to-face, virtual classroom or briefing), published, by title.</summary>
    public async Task<IReadOnlyList<LookupItem<Guid>>> SchedulableCoursesAsync(CancellationToken cancellationToken = default) =>
        (await db.PublishedCourseVersions().AsNoTracking()
            .Where(v => v.DeliveryMode != DeliveryMode.ELearning)
            .Select(v => new LookupItem<Guid>(v.CourseId, v.Title))
            .ToListAsync(cancellationToken)).OrderBy(c => c.Name).ToList();

    /// <summary>Everyone with the Trainer role, and whether each is a licensed GCP2 trainer.</summary>
    public async Task<IReadOnlyList<TrainerChoice>> TrainersAsync(CancellationToken cancellationToken = default)
    {
        var trainers = await users.GetUsersInRoleAsync(Roles.Trainer);
        var holders = qualifications.HoldersOf(CourseLicence.Gcp2Trainer);
        var licensed = await db.AllPractitioners()
            .Where(p => p.UserId != null && holders.Contains(p.Id))
            .Select(p => p.UserId!.Value).ToListAsync(cancellationToken);
        return trainers.OrderBy(t => t.LastName).ThenBy(t => t.FirstName)
            .Select(t => new TrainerChoice(t.Id, t.FullName, t.Email ?? "", licensed.Contains(t.Id))).ToList();
    }

    public async Task<OperationResult<Guid>> ScheduleAsync(SessionInput input, CancellationToken cancellationToken = default)
    {
        var (errors, start, end) = await ValidateAsync(input, cancellationToken);
        if (errors.Count > 0)
        {
            return OperationResult<Guid>.Failed(errors);
        }
        var session = new Session { Id = Guid.NewGuid(), CourseId = input.CourseId!.Value, CheckInCode = NewCheckInCode(), CreatedAt = Now, Status = SessionStatus.Scheduled };
        Apply(session, input, start, end);
        db.Set<Session>().Add(session);
        audit.Record("Session scheduled", "Session", session.Id, $"{UkTime.Format(start)}, {session.Capacity} places");
        await db.SaveChangesAsync(cancellationToken);
        return OperationResult<Guid>.Ok(session.Id);
    }

    /// <summary>Changes a session. Everyone booked gets an updated calendar invite; capacity cannot drop below the places taken.</summary>
    public async Task<OperationResult> ChangeAsync(Guid sessionId, SessionInput input, CancellationToken cancellationToken = default)
    {
        var session = await db.Set<Session>().Include(s => s.Trainers).SingleOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
        if (session is null || session.Status != SessionStatus.Scheduled)
        {
            return OperationResult.Failed("", "Only a scheduled session can be changed.");
        }
        input.CourseId = session.CourseId;
        var (errors, start, end) = await ValidateAsync(input, cancellationToken);
        if (input.Capacity is { } capacity && capacity < session.BookedCount)
        {
            errors.Add(new("Capacity", $"{session.BookedCount} places are already booked: the capacity cannot be lower than that"));
        }
        if (errors.Count > 0)
        {
            return OperationResult.Failed(errors);
        }
        var timesOrPlaceChanged = session.StartsAtUtc != start || session.EndsAtUtc != end || session.VenueName != Trim(input.VenueName) || session.VenueAddress != Trim(input.VenueAddress)
            || session.JoiningLink != (input.IsVirtual ? Trim(input.JoiningLink) : null);
        var capacityBefore = session.Capacity;
        db.Set<SessionTrainer>().RemoveRange(session.Trainers);
        Apply(session, input, start, end);
        audit.Record("Session changed", "Session", session.Id, $"{UkTime.Format(start)}, {session.Capacity} places");
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        if (timesOrPlaceChanged)
        {
            await db.Set<Booking>().Where(b => b.SessionId == sessionId && b.Status == BookingStatus.Booked)
                .ExecuteUpdateAsync(s => s.SetProperty(b => b.CalendarSequence, b => b.CalendarSequence + 1).SetProperty(b => b.ReminderSentAt, (DateTime?)null), cancellationToken);
            var booked = await db.Set<Booking>().AsNoTracking().Where(b => b.SessionId == sessionId && b.Status == BookingStatus.Booked).Select(b => b.Id).ToListAsync(cancellationToken);
            foreach (var facts in await mail.FactsAsync(booked, cancellationToken))
            {
                await mail.SessionChangedAsync(facts, cancellationToken);
            }
        }
        // More places: the waitlist moves up, in order.
        for (var extra = session.Capacity - capacityBefore; extra > 0; extra--)
        {
            await db.Set<Session>().Where(s => s.Id == sessionId).ExecuteUpdateAsync(s => s.SetProperty(x => x.BookedCount, x => x.BookedCount + 1), cancellationToken);
            if (await bookings.FillFreedPlaceAsync(sessionId, cancellationToken) is { } promoted)
            {
                await mail.BookedAsync(promoted, promoted: true, cancellationToken);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return OperationResult.Success;
    }

    /// <summary>Cancels a session and tells everyone booked, waitlisted or waiting for approval.</summary>
    public async Task<OperationResult> CancelAsync(Guid sessionId, string? reason, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return OperationResult.Failed("Reason", "Enter the reason for cancelling, so people know why");
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var cancelled = await db.Set<Session>().Where(s => s.Id == sessionId && s.Status == SessionStatus.Scheduled && s.RegisterClosedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, SessionStatus.Cancelled).SetProperty(x => x.CancellationReason, reason.Trim())
                .SetProperty(x => x.BookedCount, 0).SetProperty(x => x.WaitlistCount, 0), cancellationToken);
        if (cancelled == 0)
        {
            return OperationResult.Failed("", "This session has already been cancelled or its register closed.");
        }
        var affected = await db.Set<Booking>().AsNoTracking()
            .Where(b => b.SessionId == sessionId && (b.Status == BookingStatus.Booked || b.Status == BookingStatus.Waitlisted || b.Status == BookingStatus.Requested))
            .Select(b => new { b.Id, b.Status }).ToListAsync(cancellationToken);
        await db.Set<Booking>().Where(b => b.SessionId == sessionId && (b.Status == BookingStatus.Booked || b.Status == BookingStatus.Waitlisted || b.Status == BookingStatus.Requested))
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.Status, BookingStatus.SessionCancelled).SetProperty(b => b.CancelledAt, Now)
                .SetProperty(b => b.CalendarSequence, b => b.CalendarSequence + 1), cancellationToken);
        var heldPlace = affected.Where(b => b.Status == BookingStatus.Booked).Select(b => b.Id).ToHashSet();
        foreach (var facts in await mail.FactsAsync(affected.Select(b => b.Id).ToList(), cancellationToken))
        {
            await mail.SessionCancelledAsync(facts, reason.Trim(), heldPlace.Contains(facts.BookingId), cancellationToken);
        }
        audit.Record("Session cancelled", "Session", sessionId, $"{reason.Trim()} ({affected.Count} people told)");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return OperationResult.Success;
    }

    /// <summary>A new check-in code: six characters without look-alikes, easy to read off a screen.</summary>
    public static string NewCheckInCode()
    {
        const string alphabet = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
        return string.Create(6, alphabet, (span, a) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = a[RandomNumberGenerator.GetInt32(a.Length)];
            }
        });
    }

    private void Apply(Session session, SessionInput input, DateTime start, DateTime end)
    {
        session.StartsAtUtc = start;
        session.EndsAtUtc = end;
        session.JoiningLink = input.IsVirtual ? Trim(input.JoiningLink) : null;
        session.VenueName = input.IsVirtual ? null : Trim(input.VenueName);
        session.VenueAddress = input.IsVirtual ? null : Trim(input.VenueAddress);
        session.AccessibilityNotes = Trim(input.AccessibilityNotes);
        session.Capacity = input.Capacity!.Value;
        session.BookingClosesOn = input.BookingClosesOn ?? DateOnly.FromDateTime(UkTime.FromUtc(start)).AddDays(-1);
        session.Notes = Trim(input.Notes);
        session.Trainers = input.TrainerIds.Distinct().Select(id => new SessionTrainer { SessionId = session.Id, UserId = id }).ToList();
    }

    private async Task<(List<FieldError> Errors, DateTime Start, DateTime End)> ValidateAsync(SessionInput input, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        DateTime start = default, end = default;
        // E-learning is taken online at any time: it has no sessions.
        var course = input.CourseId is null ? null : await db.PublishedCourseVersions().AsNoTracking()
            .SingleOrDefaultAsync(v => v.CourseId == input.CourseId && v.DeliveryMode != DeliveryMode.ELearning, cancellationToken);
        if (course is null)
        {
            errors.Add(new("CourseId", "Select the course"));
        }
        if (input.Date is null)
        {
            errors.Add(new("Date", "Enter the date of the session"));
        }
        var startTime = ParseTime(input.StartTime);
        var endTime = ParseTime(input.EndTime);
        if (startTime is null)
        {
            errors.Add(new("StartTime", "Enter the start time, like 09:30"));
        }
        if (endTime is null)
        {
            errors.Add(new("EndTime", "Enter the end time, like 16:00"));
        }
        if (input.Date is { } date && startTime is { } s && endTime is { } e)
        {
            start = UkTime.ToUtc(date.ToDateTime(s));
            end = UkTime.ToUtc(date.ToDateTime(e));
            if (end <= start)
            {
                errors.Add(new("EndTime", "The end time must be after the start time"));
            }
            else if (start <= Now)
            {
                errors.Add(new("Date", "The session must start in the future"));
            }
            if (input.BookingClosesOn is { } closes && closes > date)
            {
                errors.Add(new("BookingClosesOn", "Booking must close on or before the day of the session"));
            }
        }
        if (input.IsVirtual)
        {
            if (!Uri.TryCreate(Trim(input.JoiningLink), UriKind.Absolute, out var link) || link.Scheme != Uri.UriSchemeHttps)
            {
                errors.Add(new("JoiningLink", "Enter the joining link, starting https://"));
            }
        }
        else if (string.IsNullOrWhiteSpace(input.VenueName))
        {
            errors.Add(new("VenueName", "Enter the venue"));
        }
        if (input.Capacity is not { } capacity || capacity < 1 || capacity > MaxCapacity)
        {
            errors.Add(new("Capacity", $"Enter the number of places, from 1 to {MaxCapacity}"));
        }
        var trainers = input.TrainerIds.Distinct().ToList();
        if (trainers.Count == 0)
        {
            errors.Add(new("TrainerIds", "Select at least one trainer"));
        }
        else if (course is not null)
        {
            var choices = await TrainersAsync(cancellationToken);
            if (trainers.Any(t => choices.All(c => c.UserId != t)))
            {
                errors.Add(new("TrainerIds", "Select trainers from the list"));
            }
            if (course.Licence == CourseLicence.Gcp2Practitioner)
            {
                var unlicensed = choices.Where(c => trainers.Contains(c.UserId) && !c.IsGcp2Trainer).Select(c => c.Name).ToList();
                if (unlicensed.Count > 0)
                {
                    errors.Add(new("TrainerIds", $"GCP2 practitioner training can only be given by a licensed GCP2 trainer: {string.Join(", ", unlicensed)} {(unlicensed.Count == 1 ? "is" : "are")} not licensed"));
                }
            }
        }
        return (errors, start, end);
    }

    private static TimeOnly? ParseTime(string? text) =>
        TimeOnly.TryParseExact(text?.Trim().Replace('.', ':'), ["H:mm", "HH:mm"], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var time) ? time : null;


    private static string? Trim(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
