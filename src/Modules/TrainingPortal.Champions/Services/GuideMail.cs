using Microsoft.EntityFrameworkCore;
using TrainingPortal.Core.Security;
using TrainingPortal.Data;
using TrainingPortal.Identity.Services;
using TrainingPortal.Notifications.Services;

namespace TrainingPortal.Champions.Services;

/// <summary>Writes the guides' emails to the outbox; the caller's SaveChanges sends them with the change.</summary>
public sealed class GuideMail(PortalDbContext db, Outbox outbox, PublicUrls urls)
{
    /// <summary>Tells the training unit a guide is waiting for review.</summary>
    public async Task SubmittedAsync(int number, string title, Guid authorUserId, CancellationToken cancellationToken)
    {
        var author = await NameAsync(authorUserId, cancellationToken);
        foreach (var person in await TrainingUnitAsync(cancellationToken))
        {
            await outbox.EnqueueAsync("guide-submitted", person.Email!, person.FirstName + " " + person.LastName, new EmailContent(
                $"Guide to review: {title}", $"Dear {person.FirstName},",
                [$"{author} has sent \"{title}\" to the training unit for review."])
            {
                ActionText = "Review the guide",
                ActionUrl = urls.Absolute($"/guides/{number}/review"),
            }, cancellationToken: cancellationToken);
        }
    }

    /// <summary>Tells the author their guide came back with comments.</summary>
    public Task ReturnedAsync(int number, string title, Guid authorUserId, string comments, CancellationToken cancellationToken) =>
        ToAuthorAsync(authorUserId, "guide-returned", $"Your guide needs changes: {title}",
            [$"The training unit has looked at \"{title}\" and sent it back with these comments:", comments, "Make the changes and send it again."],
            "Edit the guide", $"/guides/{number}/edit", cancellationToken);

    /// <summary>Tells the author their guide is in the library.</summary>
    public Task PublishedAsync(int number, string title, Guid authorUserId, DateOnly reviewDate, CancellationToken cancellationToken) =>
        ToAuthorAsync(authorUserId, "guide-published", $"Your guide is published: {title}",
            [$"\"{title}\" is now in the partnership's library of guides, and teams can record briefings on it.", $"It is due for review by {reviewDate:d MMMM yyyy}."],
            "Read the guide", $"/guides/{number}", cancellationToken);

    /// <summary>Reminds the author and the training unit that a guide is due for review.</summary>
    public async Task ReviewDueAsync(int number, string title, Guid authorUserId, DateOnly reviewDate, CancellationToken cancellationToken)
    {
        var paragraphs = new[]
        {
            $"\"{title}\" is due for review by {reviewDate:d MMMM yyyy}.",
            "Check it still matches current research, local procedures and learning from case reviews. Edit it to send a new version for review, or ask the training unit to set a new review date or retire it.",
        };
        await ToAuthorAsync(authorUserId, "guide-review-due", $"Guide due for review: {title}", paragraphs, "Read the guide", $"/guides/{number}", cancellationToken);
        foreach (var person in await TrainingUnitAsync(cancellationToken))
        {
            if (person.Id == authorUserId)
            {
                continue;
            }
            await outbox.EnqueueAsync("guide-review-due", person.Email!, person.FirstName + " " + person.LastName,
                new EmailContent($"Guide due for review: {title}", $"Dear {person.FirstName},", paragraphs)
                {
                    ActionText = "Review the guide",
                    ActionUrl = urls.Absolute($"/guides/{number}/review"),
                }, cancellationToken: cancellationToken);
        }
    }

    private async Task ToAuthorAsync(Guid authorUserId, string category, string subject, IReadOnlyList<string> paragraphs, string actionText, string path, CancellationToken cancellationToken)
    {
        var author = await db.Accounts().SingleOrDefaultAsync(a => a.Id == authorUserId, cancellationToken);
        if (string.IsNullOrWhiteSpace(author?.Email))
        {
            return;
        }
        await outbox.EnqueueAsync(category, author.Email, author.FirstName + " " + author.LastName,
            new EmailContent(subject, $"Dear {author.FirstName},", paragraphs) { ActionText = actionText, ActionUrl = urls.Absolute(path) },
            cancellationToken: cancellationToken);
    }

    private async Task<string> NameAsync(Guid userId, CancellationToken cancellationToken) =>
        await db.Accounts().Where(a => a.Id == userId).Select(a => a.FirstName + " " + a.LastName).SingleOrDefaultAsync(cancellationToken) ?? "A champion";

    private async Task<IReadOnlyList<AccountContact>> TrainingUnitAsync(CancellationToken cancellationToken)
    {
        var ids = db.AccountIdsInRole(Roles.TrainingCoordinator);
        return await db.Accounts().Where(a => a.Email != null && ids.Contains(a.Id)).OrderBy(a => a.Email).ToListAsync(cancellationToken);
    }
}
