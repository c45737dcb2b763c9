using TrainingPortal.Core;
using TrainingPortal.Identity.Services;
using TrainingPortal.Notifications.Services;

namespace TrainingPortal.Champions.Services;

/// <summary>The words of the champion register's emails, in one place.</summary>
public sealed class ChampionMail(Outbox outbox, PublicUrls urls)
{
    public const string NominatedCategory = "ChampionNominated";

    public const string ApprovedCategory = "ChampionApproved";

    public const string DeclinedCategory = "ChampionDeclined";

    /// <summary>Tells someone in the training unit of a nomination waiting for their decision.</summary>
    public Task NominatedAsync(string email, string name, string nominee, string agency, string nominatedBy, Guid spellId, CancellationToken cancellationToken = default) =>
        outbox.EnqueueAsync(NominatedCategory, email, name,
            new EmailContent("New neglect champion nomination", $"Dear {name},",
            [
                $"{nominatedBy} has nominated {nominee} as a neglect champion for {agency}.",
                "Please approve or decline the nomination.",
            ])
            {
                ActionText = "Decide on the nomination",
                ActionUrl = urls.Absolute($"/champions/nominations/{spellId}"),
            }, cancellationToken: cancellationToken);

    /// <summary>Tells the nominee or their lead that the nomination was approved.</summary>
    public Task ApprovedAsync(string email, string name, string nominee, string agency, DateOnly startDate, bool toNominee, CancellationToken cancellationToken = default) =>
        outbox.EnqueueAsync(ApprovedCategory, email, name,
            new EmailContent(toNominee ? "You are now a neglect champion" : $"{nominee} is now a neglect champion", $"Dear {name},",
            [
                toNominee
                    ? $"The partnership's training unit has approved your nomination as a neglect champion for {agency}, from {UkTime.FormatDate(startDate)}."
                    : $"The partnership's training unit has approved your nomination of {nominee} as a neglect champion for {agency}, from {UkTime.FormatDate(startDate)}.",
                toNominee
                    ? "Champions complete the champion induction, write and deliver seven-minute guides and take part in the champion network."
                    : "They are on your agency's champion register.",
            ])
            {
                ActionText = toNominee ? "Sign in to the training portal" : "See the champion register",
                ActionUrl = urls.Absolute(toNominee ? "/" : "/champions"),
            }, cancellationToken: cancellationToken);

    /// <summary>Tells the nominee or their lead that the nomination was declined, and why.</summary>
    public Task DeclinedAsync(string email, string name, string nominee, string agency, string reason, bool toNominee, CancellationToken cancellationToken = default) =>
        outbox.EnqueueAsync(DeclinedCategory, email, name,
            new EmailContent("Neglect champion nomination declined", $"Dear {name},",
            [
                toNominee
                    ? $"The partnership's training unit has declined your nomination as a neglect champion for {agency}."
                    : $"The partnership's training unit has declined your nomination of {nominee} as a neglect champion for {agency}.",
                $"The reason given: {reason}",
            ]), cancellationToken: cancellationToken);
}
