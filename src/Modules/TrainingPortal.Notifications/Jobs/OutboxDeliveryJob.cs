using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using TrainingPortal.Data;
using TrainingPortal.Data.Settings;
using TrainingPortal.Notifications.Domain;
using TrainingPortal.Notifications.Services;

namespace TrainingPortal.Notifications.Jobs;

/// <summary>
/// Sends every due outbox message. Safe to run at the same time on several instances: each message is
/// claimed with a conditional update before it is sent. A failure is retried later with back-off; the
/// outbox table, not the job history, is the record of what remains to be sent.
/// </summary>
public sealed class OutboxDeliveryJob(
    PortalDbContext db,
    IEmailTransport transport,
    IOptions<SmtpOptions> smtp,
    PortalSettings settings,
    TimeProvider clock,
    ILogger<OutboxDeliveryJob> logger)
{
    public const string RecurringJobId = "outbox-delivery";
    private const int BatchSize = 50;
    private static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(5);

    /// <summary>Delivers due messages in batches until none are left; returns how many were sent.</summary>
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [AutomaticRetry(Attempts = 0)]
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        var sent = 0;
        var tried = new HashSet<Guid>();
        while (true)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var due = await db.Set<OutboxMessage>().AsNoTracking()
                .Where(m => m.Status == OutboxMessageStatus.Pending && m.NextAttemptAt <= now && (m.LockedUntil == null || m.LockedUntil < now))
                .OrderBy(m => m.NextAttemptAt)
                .Select(m => m.Id)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            due.RemoveAll(tried.Contains);
            if (due.Count == 0)
            {
                return sent;
            }
            foreach (var id in due)
            {
                tried.Add(id);
                if (await TryDeliverAsync(id, cancellationToken))
                {
                    sent++;
                }
            }
        }
    }

    private async Task<bool> TryDeliverAsync(Guid id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var lockedUntil = now + ClaimFor;
        var claimed = await db.Set<OutboxMessage>()
            .Where(m => m.Id == id && m.Status == OutboxMessageStatus.Pending && (m.LockedUntil == null || m.LockedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, lockedUntil), cancellationToken);
        if (claimed == 0)
        {
            return false;
        }

        var message = await db.Set<OutboxMessage>().Include(m => m.Attachments).SingleAsync(m => m.Id == id, cancellationToken);
        try
        {
            await transport.SendAsync(await ToMimeAsync(message, cancellationToken), cancellationToken);
            message.Status = OutboxMessageStatus.Sent;
            message.SentAt = clock.GetUtcNow().UtcDateTime;
            message.Attempts++;
            message.LastError = null;
            logger.LogInformation("Sent {Category} email {MessageId}", message.Category, message.Id);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            message.Attempts++;
            message.LastError = ex.Message.Length > 2000 ? ex.Message[..2000] : ex.Message;
            if (message.Attempts >= OutboxMessage.MaxAttempts)
            {
                message.Status = OutboxMessageStatus.Failed;
                logger.LogError(ex, "Gave up on {Category} email {MessageId} after {Attempts} attempts", message.Category, message.Id, message.Attempts);
            }
            else
            {
                message.NextAttemptAt = clock.GetUtcNow().UtcDateTime + OutboxMessage.BackOffAfter(message.Attempts);
                logger.LogWarning("Could not send {Category} email {MessageId} (attempt {Attempts}): {Error}; retrying at {NextAttemptAt:u}",
                    message.Category, message.Id, message.Attempts, message.LastError, message.NextAttemptAt);
            }
        }
        message.LockedUntil = null;
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return message.Status == OutboxMessageStatus.Sent;
    }

    private async Task<MimeMessage> ToMimeAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var fromName = await settings.GetAsync("Notifications:FromName", cancellationToken);
        var from = MailboxAddress.Parse(smtp.Value.From);
        if (!string.IsNullOrWhiteSpace(fromName) && string.IsNullOrEmpty(from.Name))
        {
            from.Name = fromName;
        }
        var mime = new MimeMessage { Subject = message.Subject, MessageId = $"{message.Id:N}@trainingportal" };
        mime.From.Add(from);
        mime.To.Add(new MailboxAddress(message.ToName, message.ToAddress));
        var body = new BodyBuilder { HtmlBody = message.HtmlBody, TextBody = message.TextBody };
        foreach (var attachment in message.Attachments)
        {
            body.Attachments.Add(attachment.FileName, attachment.Content, ContentType.Parse(attachment.ContentType));
        }
        mime.Body = body.ToMessageBody();
        return mime;
    }
}
