using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TrainingPortal.Core.Results;
using TrainingPortal.Data;
using TrainingPortal.Data.Auditing;
using TrainingPortal.Data.Settings;
using TrainingPortal.Sessions.Domain;

namespace TrainingPortal.Sessions.Services;

/// <summary>The session settings as the training unit enters them: whole numbers and amounts in pounds, as typed.</summary>
public sealed class SessionSettingsInput
{
    public string? LateCancellationHours { get; set; }

    public string? ReminderDaysBefore { get; set; }

    public List<CourseChargeInput> Charges { get; set; } = [];
}

/// <summary>What one course charges for a place that is not used, in pounds ("50.00"); blank for nothing.</summary>
public sealed class CourseChargeInput
{
    public Guid CourseId { get; set; }

    public string? Title { get; set; }

    public string? Pounds { get; set; }
}

/// <summary>Reads and changes the late-cancellation window, when reminders go, and each course's charge for unused places.</summary>
public sealed class SessionSettingsEditor(PortalDbContext db, PortalSettings settings, SessionScheduler scheduler, AuditTrail audit)
{
    public const int MaxLateCancellationHours = 336;
    public const int MaxReminderDaysBefore = 14;
    public const int MaxChargePence = 100_000;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The current settings, with a line for every course that runs as sessions.</summary>
    public async Task<SessionSettingsInput> ReadAsync(CancellationToken cancellationToken = default)
    {
        var current = await SessionSettings.ReadAsync(settings, cancellationToken);
        var charges = await db.Set<CourseCharge>().AsNoTracking().ToDictionaryAsync(c => c.CourseId, c => c.PencePerPlace, cancellationToken);
        return new SessionSettingsInput
        {
            LateCancellationHours = current.LateCancellationHours.ToString(Invariant),
            ReminderDaysBefore = current.ReminderDaysBefore.ToString(Invariant),
            Charges = (await scheduler.SchedulableCoursesAsync(cancellationToken))
                .Select(c => new CourseChargeInput
                {
                    CourseId = c.Id,
                    Title = c.Name,
                    Pounds = charges.TryGetValue(c.Id, out var pence) && pence > 0 ? (pence / 100m).ToString("0.00", Invariant) : null,
                }).ToList(),
        };
    }

    /// <summary>Checks and saves everything, or nothing; each change is recorded in the audit trail.</summary>
    public async Task<OperationResult> SaveAsync(SessionSettingsInput input, CancellationToken cancellationToken = default)
    {
        var errors = new List<FieldError>();
        var hours = WholeNumber(input.LateCancellationHours, MaxLateCancellationHours);
        if (hours is null)
        {
            errors.Add(new(nameof(input.LateCancellationHours), $"Enter the late-cancellation window as a whole number of hours, from 0 to {MaxLateCancellationHours}"));
        }
        var days = WholeNumber(input.ReminderDaysBefore, MaxReminderDaysBefore);
        if (days is null)
        {
            errors.Add(new(nameof(input.ReminderDaysBefore), $"Enter when reminders are sent as a whole number of days, from 0 to {MaxReminderDaysBefore}"));
        }
        var courses = (await scheduler.SchedulableCoursesAsync(cancellationToken)).ToDictionary(c => c.Id, c => c.Name);
        var pence = new Dictionary<Guid, int>();
        for (var i = 0; i < input.Charges.Count; i++)
        {
            var line = input.Charges[i];
            if (!courses.TryGetValue(line.CourseId, out var title))
            {
                continue;
            }
            if (Pence(line.Pounds) is { } amount)
            {
                pence[line.CourseId] = amount;
            }
            else
            {
                errors.Add(new($"{nameof(input.Charges)}[{i}].{nameof(CourseChargeInput.Pounds)}",
                    $"Enter the charge for {title} in pounds, like 50.00, up to {SessionMail.Money(MaxChargePence)}, or leave it blank"));
            }
        }
        if (errors.Count > 0)
        {
            return OperationResult.Failed(errors);
        }

        var before = await SessionSettings.ReadAsync(settings, cancellationToken);
        await settings.SetAsync(SessionSettings.LateCancellationHoursKey, hours!.Value.ToString(Invariant), cancellationToken);
        await settings.SetAsync(SessionSettings.ReminderDaysBeforeKey, days!.Value.ToString(Invariant), cancellationToken);
        if (AuditTrail.Describe(("Late-cancellation window (hours)", before.LateCancellationHours, hours), ("Reminder (days before)", before.ReminderDaysBefore, days)) is { } changed)
        {
            audit.Record("Session settings changed", "Settings", "Sessions", changed);
        }

        var existing = await db.Set<CourseCharge>().Where(c => pence.Keys.Contains(c.CourseId)).ToDictionaryAsync(c => c.CourseId, cancellationToken);
        foreach (var (courseId, amount) in pence)
        {
            var was = existing.GetValueOrDefault(courseId)?.PencePerPlace ?? 0;
            if (was == amount)
            {
                continue;
            }
            if (existing.TryGetValue(courseId, out var charge))
            {
                charge.PencePerPlace = amount;
            }
            else
            {
                db.Set<CourseCharge>().Add(new CourseCharge { CourseId = courseId, PencePerPlace = amount });
            }
            audit.Record("Course charge changed", "Course", courseId, $"{courses[courseId]}: {SessionMail.Money(was)} → {SessionMail.Money(amount)}");
        }
        await db.SaveChangesAsync(cancellationToken);
        return OperationResult.Success;
    }

    private static int? WholeNumber(string? text, int max) =>
        int.TryParse(text?.Trim(), NumberStyles.None, Invariant, out var value) && value <= max ? value : null;

    /// <summary>"50", "50.5", "£50.00" or "1,000" in pounds as pence; blank is no charge; null when it is not an amount.</summary>
    private static int? Pence(string? pounds)
    {
        var text = pounds?.Trim().TrimStart('£').Trim();
        if (string.IsNullOrEmpty(text))
        {
            return 0;
        }
        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands, Invariant, out var value)
            || decimal.Round(value, 2) != value || value * 100 > MaxChargePence)
        {
            return null;
        }
        return (int)(value * 100);
    }
}
