using TrainingPortal.Core.Security;

namespace TrainingPortal.Data.Auditing;

/// <summary>
/// Adds audit entries to the current unit of work, so they are saved in the same transaction
/// as the change they describe.
/// </summary>
public sealed class AuditTrail(PortalDbContext db, ICurrentUser currentUser, TimeProvider clock)
{
    private (Guid? UserId, string Name)? actingFor;

    /// <summary>
    /// Records the entries that follow as done by this person rather than the current user: for a background job
    /// carrying out what someone asked for (the job itself runs as "system"). Lasts for this unit of work only.
    /// </summary>
    public void ActFor(Guid? userId, string userName) => actingFor = (userId, userName);

    public void Record(string action, string subjectType, object subjectId, string? details = null)
    {
        db.AuditEntries.Add(new AuditEntry
        {
            OccurredAt = clock.GetUtcNow().UtcDateTime,
            UserId = actingFor is { } person ? person.UserId : currentUser.UserId,
            UserName = actingFor?.Name ?? currentUser.Name,
            Action = action,
            SubjectType = subjectType,
            SubjectId = subjectId.ToString()!,
            Details = details is { Length: > 4000 } ? details[..4000] : details,
        });
    }

    /// <summary>"Job title: Nurse → Senior nurse; Team: (none) → East" for the fields that differ.</summary>
    public static string? Describe(params (string Field, object? Before, object? After)[] changes)
    {
        var parts = changes
            .Where(c => !Equals(Blank(c.Before), Blank(c.After)))
            .Select(c => $"{c.Field}: {Show(c.Before)} → {Show(c.After)}")
            .ToList();
        return parts.Count == 0 ? null : string.Join("; ", parts);

        static object? Blank(object? value) => value is string { Length: 0 } ? null : value;

        static string Show(object? value) => value switch
        {
            null => "(none)",
            string s when s.Length == 0 => "(none)",
            bool b => b ? "yes" : "no",
            DateOnly d => d.ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture),
            _ => value.ToString()!,
        };
    }
}
