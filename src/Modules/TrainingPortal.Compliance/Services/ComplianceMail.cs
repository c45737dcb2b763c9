using TrainingPortal.Compliance.Domain;
using TrainingPortal.Core;
using TrainingPortal.Identity.Services;
using TrainingPortal.Notifications.Domain;
using TrainingPortal.Notifications.Services;

namespace TrainingPortal.Compliance.Services;

/// <summary>The words of the compliance emails, in one place.</summary>
public sealed class ComplianceMail(Outbox outbox, PublicUrls urls)
{
    public const string ReminderCategory = "ComplianceReminder";

    /// <summary>The platform's own reminders of training due soon or expired (<see cref="Jobs.ComplianceReminderJob"/>).</summary>
    public const string DueReminderCategory = "ComplianceDueReminder";

    /// <summary>The weekly summary for safeguarding leads (<see cref="Jobs.ComplianceDigestJob"/>).</summary>
    public const string DigestCategory = "ComplianceDigest";

    /// <summary>Where people choose how often they hear from the platform.</summary>
    public const string PreferencesPath = "/account/notifications";

    /// <summary>Queues a reminder listing the requirements a person still has to do (not the met ones).</summary>
    public Task ReminderAsync(string email, string name, IEnumerable<RequirementDetail> outstanding, string? fromLead, CancellationToken cancellationToken = default)
    {
        var lines = outstanding.Select(Line).ToList();
        var paragraphs = new List<string>
        {
            fromLead is null
                ? "This is a reminder about the neglect training your role needs."
                : $"{fromLead}, your agency's safeguarding lead, has asked us to remind you about the neglect training your role needs.",
        };
        paragraphs.AddRange(lines);
        paragraphs.Add("You can book a place or start e-learning from the link below. It shows everything you need and when it is due.");
        return outbox.EnqueueAsync(ReminderCategory, email, name,
            new EmailContent("Neglect training you need to do", $"Dear {name},", paragraphs)
            {
                ActionText = "See what training you need",
                ActionUrl = urls.Absolute("/what-i-need"),
            }, cancellationToken: cancellationToken);
    }

    /// <summary>
    /// Queues the platform's own reminder of requirements that have fallen due for renewal or expired since it last
    /// wrote, saying how often the person asked to hear from it.
    /// </summary>
    public Task DueReminderAsync(string email, string name, IReadOnlyList<RequirementDetail> items, NotificationFrequency frequency, CancellationToken cancellationToken = default)
    {
        var paragraphs = new List<string> { "This is a reminder about the neglect training your role needs." };
        paragraphs.AddRange(items.Select(Line));
        paragraphs.Add("You can book a place or start e-learning from the link below. It shows everything you need and when it is due.");
        var why = frequency switch
        {
            NotificationFrequency.Weekly => "This is your weekly summary of training that is due.",
            NotificationFrequency.Monthly => "This is your monthly summary of training that is due.",
            _ => "We email you as soon as training is due.",
        };
        return outbox.EnqueueAsync(DueReminderCategory, email, name,
            new EmailContent(
                items.Any(i => i.Status == ComplianceStatus.Expired) ? "Your neglect training has expired" : "Your neglect training is due for renewal",
                $"Dear {name},", paragraphs)
            {
                ActionText = "See what training you need",
                ActionUrl = urls.Absolute("/what-i-need"),
                Footnotes = [$"{why} You can choose how often we email you: {urls.Absolute(PreferencesPath)}"],
            }, cancellationToken: cancellationToken);
    }

    /// <summary>Queues a lead's weekly summary: one section for each agency they lead.</summary>
    /// <param name="otherLines">Lines other modules add to an agency's section (<see cref="TrainingPortal.Agencies.Services.ILeadSummarySection"/>).</param>
    public Task DigestAsync(string email, string name, IReadOnlyList<AgencyWeek> agencies, Func<Guid, IReadOnlyList<string>> otherLines, CancellationToken cancellationToken = default)
    {
        var week = agencies[0].Week;
        var single = agencies.Count == 1;
        var paragraphs = new List<string>
        {
            $"This is what changed in neglect training from {UkTime.FormatDate(week.Start)} to {UkTime.FormatDate(week.End)}" +
            (single ? $" at {agencies[0].AgencyName}." : " in the agencies you lead."),
        };
        foreach (var agency in agencies)
        {
            if (!single)
            {
                paragraphs.Add($"{agency.AgencyName}:");
            }
            paragraphs.AddRange(DigestLines(agency));
            paragraphs.AddRange(otherLines(agency.AgencyId));
            if (!single)
            {
                paragraphs.Add($"Dashboard: {urls.Absolute(DashboardPath(agency.AgencyId))}");
            }
        }
        return outbox.EnqueueAsync(DigestCategory, email, name,
            new EmailContent(
                single ? $"Neglect training at {agencies[0].AgencyName}: week to {UkTime.FormatDate(week.End)}" : $"Neglect training in your agencies: week to {UkTime.FormatDate(week.End)}",
                $"Dear {name},", paragraphs)
            {
                ActionText = single ? $"See {agencies[0].AgencyName}'s compliance dashboard" : "See your agencies' compliance",
                ActionUrl = urls.Absolute(single ? DashboardPath(agencies[0].AgencyId) : "/compliance"),
                Footnotes = [$"You get this summary because you are a safeguarding lead. You can turn it off: {urls.Absolute(PreferencesPath)}"],
            }, cancellationToken: cancellationToken);
    }

    /// <summary>The lines of one agency's part of the weekly summary, leaving out what did not change.</summary>
    public static IReadOnlyList<string> DigestLines(AgencyWeek agency)
    {
        var lines = new List<string>
        {
            agency.StaffWithRequirementsNow == 0
                ? "No current staff have training requirements."
                : $"Staff with all the training their role needs: {agency.PercentCompliantNow}% (a week earlier: {agency.PercentCompliantBefore}%).",
        };
        if (agency.Joined.Total > 0)
        {
            lines.Add($"Joined ({agency.Joined.Total}): {Names(agency.Joined)}.");
        }
        if (agency.Left.Total > 0)
        {
            lines.Add($"Left ({agency.Left.Total}): {Names(agency.Left)}.");
        }
        if (agency.CompletionCount > 0)
        {
            lines.Add($"Training completed ({agency.CompletionCount}): {string.Join("; ", agency.Completions.Select(c => $"{c.Course} {c.Count}"))}.");
        }
        if (agency.BecameExpired.Total > 0)
        {
            lines.Add($"Training that expired ({agency.BecameExpired.Total}): {Names(Changes(agency.BecameExpired))}.");
        }
        if (agency.BecameDueSoon.Total > 0)
        {
            lines.Add($"Training that fell due for renewal ({agency.BecameDueSoon.Total}): {Names(Changes(agency.BecameDueSoon))}.");
        }
        if (lines.Count == 1)
        {
            lines.Add("Nobody joined or left, and no training was completed, expired or fell due.");
        }
        return lines;
    }

    public static string DashboardPath(Guid agencyId) => $"/compliance/agencies/{agencyId}";

    private static ShortList<string> Changes(ShortList<PersonChange> changes) =>
        new(changes.Items.Select(c => $"{c.Name} ({c.Requirement})").ToList(), changes.Total);

    /// <summary>"Ann Lee, Bo Chan and 3 more".</summary>
    private static string Names(ShortList<string> names) =>
        names.More > 0 ? $"{string.Join(", ", names.Items)} and {names.More} more"
        : names.Items.Count > 1 ? $"{string.Join(", ", names.Items.Take(names.Items.Count - 1))} and {names.Items[^1]}"
        : string.Join("", names.Items);

    /// <summary>"Neglect basic training: expired on 1 June 2026 (Neglect basic awareness)."</summary>
    public static string Line(RequirementDetail detail) => detail.Status switch
    {
        ComplianceStatus.DueSoon => $"{detail.Requirement.Name}: due for renewal by {Day(detail.LatestExpiresOn)}.",
        ComplianceStatus.Expired => $"{detail.Requirement.Name}: expired on {Day(detail.LatestExpiresOn)}.",
        ComplianceStatus.Missing => $"{detail.Requirement.Name}: not done yet{(detail.Requirement.MainCourse is { } course ? $" (the course is {course.Title})" : "")}.",
        _ => $"{detail.Requirement.Name}: done.",
    };

    private static string Day(DateOnly? day) => day is { } d ? UkTime.FormatDate(d) : "an unknown date";
}
