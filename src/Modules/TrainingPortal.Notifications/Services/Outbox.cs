using TrainingPortal.Data;
using TrainingPortal.Data.Settings;
using TrainingPortal.Notifications.Domain;

namespace TrainingPortal.Notifications.Services;

/// <summary>An attachment to add to a queued email.</summary>
public sealed record EmailAttachment(string FileName, string ContentType, byte[] Content);

/// <summary>
/// Queues emails in the outbox table as part of the caller's unit of work: nothing is sent unless the
/// change that caused the message is saved, and nothing saved goes unsent.
/// </summary>
public sealed class Outbox(PortalDbContext db, PortalSettings settings, TimeProvider clock)
{
    /// <summary>Adds a message to the current unit of work. The caller's SaveChanges commits it with the change.</summary>
    public async Task<OutboxMessage> EnqueueAsync(
        string category, string toAddress, string? toName, EmailContent content,
        IEnumerable<EmailAttachment>? attachments = null, CancellationToken cancellationToken = default)
    {
        var partnership = await settings.GetAsync(PortalSettings.PartnershipName, cancellationToken) ?? "Training portal";
        var (html, text) = content.Render(partnership);
        var now = clock.GetUtcNow().UtcDateTime;
        var message = new OutboxMessage
        {
            Id = Guid.NewGuid(),
            CreatedAt = now,
            Category = category,
            ToAddress = toAddress,
            ToName = toName,
            Subject = content.Subject,
            HtmlBody = html,
            TextBody = text,
            Status = OutboxMessageStatus.Pending,
            NextAttemptAt = now,
            Attachments = (attachments ?? []).Select(a => new OutboxAttachment
            {
                FileName = a.FileName,
                ContentType = a.ContentType,
                Content = a.Content,
            }).ToList(),
        };
        db.Set<OutboxMessage>().Add(message);
        return message;
    }
}
