using TrainingPortal.Core;
using TrainingPortal.Identity.Services;
using TrainingPortal.Notifications.Services;

namespace TrainingPortal.Tna.Services;

/// <summary>The words of the training needs analysis emails, in one place.</summary>
public sealed class TnaMail(Outbox outbox, PublicUrls urls)
{
    public const string OpenedCategory = "TnaOpened";

    public const string SubmittedCategory = "TnaSubmitted";

    public const string ReopenedCategory = "TnaReopened";

    /// <summary>Asks an agency's lead for the agency's figures.</summary>
    public Task OpenedAsync(string email, string name, string agency, string year, DateOnly deadline, Guid analysisId, Guid agencyId, CancellationToken cancellationToken = default) =>
        outbox.EnqueueAsync(OpenedCategory, email, name,
            new EmailContent($"Training needs analysis {year}: {agency}", $"Dear {name},",
            [
                $"The partnership's training unit has opened the training needs analysis for {year}.",
                $"Please check how many of {agency}'s staff need each course in the year and submit the figures by {UkTime.FormatDate(deadline)}. The portal has worked them out from your current staff list; change any that you know to be different, with a reason, and add the people you expect to start.",
                $"If {agency} has not submitted by the deadline, the computed figures are used.",
            ])
            {
                ActionText = "Check and submit your figures",
                ActionUrl = urls.Absolute($"/tna/{analysisId}/agencies/{agencyId}"),
            }, cancellationToken: cancellationToken);

    /// <summary>Confirms a submission to the lead who made it.</summary>
    public Task SubmittedAsync(string email, string name, string agency, string year, int places, Guid analysisId, Guid agencyId, CancellationToken cancellationToken = default) =>
        outbox.EnqueueAsync(SubmittedCategory, email, name,
            new EmailContent($"Training needs submitted: {agency}, {year}", $"Dear {name},",
            [
                $"You have submitted {agency}'s training needs for {year}: {places:N0} places in all.",
                "The training unit will plan the year's sessions from them. If something needs correcting, ask the training unit to reopen your submission.",
            ])
            {
                ActionText = "See what you submitted",
                ActionUrl = urls.Absolute($"/tna/{analysisId}/agencies/{agencyId}"),
            }, cancellationToken: cancellationToken);

    /// <summary>Tells a lead that the training unit reopened their agency's figures, and why.</summary>
    public Task ReopenedAsync(string email, string name, string agency, string year, DateOnly deadline, string reason, Guid analysisId, Guid agencyId, CancellationToken cancellationToken = default) =>
        outbox.EnqueueAsync(ReopenedCategory, email, name,
            new EmailContent($"Training needs reopened: {agency}, {year}", $"Dear {name},",
            [
                $"The partnership's training unit has reopened {agency}'s training needs for {year}.",
                $"The reason given: {reason}",
                $"Please check the figures and submit them again by {UkTime.FormatDate(deadline)}.",
            ])
            {
                ActionText = "Check and submit your figures",
                ActionUrl = urls.Absolute($"/tna/{analysisId}/agencies/{agencyId}"),
            }, cancellationToken: cancellationToken);
}
