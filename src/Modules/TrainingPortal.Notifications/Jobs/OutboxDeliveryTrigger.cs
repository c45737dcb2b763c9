using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using TrainingPortal.Notifications.Domain;

namespace TrainingPortal.Notifications.Jobs;

/// <summary>
/// After a save that queued email, asks for a delivery run straight away rather than waiting for the
/// next minute of the recurring job.
/// </summary>
internal sealed class OutboxDeliveryTrigger(IBackgroundJobClient jobs) : SaveChangesInterceptor
{
    private bool queuedMail;

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        queuedMail = eventData.Context?.ChangeTracker.Entries<OutboxMessage>().Any(e => e.State == EntityState.Added) == true;
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (queuedMail)
        {
            queuedMail = false;
            jobs.Enqueue<OutboxDeliveryJob>(job => job.DeliverDueAsync(CancellationToken.None));
        }
        return base.SavedChangesAsync(eventData, result, cancellationToken);
    }
}
