using System.Data.Common;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using TrainingPortal.Notifications.Domain;

namespace TrainingPortal.Notifications.Jobs;

/// <summary>
/// After a save that queued email, asks for a delivery run straight away rather than waiting for the next minute of
/// the recurring job. Inside a transaction it waits for the commit: a run started earlier would not see the messages.
/// </summary>
internal sealed class OutboxDeliveryTrigger(IBackgroundJobClient jobs) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private bool queuedMail;
    private bool deliverOnCommit;

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
            if (eventData.Context?.Database.CurrentTransaction is not null)
            {
                deliverOnCommit = true;
            }
            else
            {
                Deliver();
            }
        }
        return base.SavedChangesAsync(eventData, result, cancellationToken);
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (deliverOnCommit)
        {
            deliverOnCommit = false;
            Deliver();
        }
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (deliverOnCommit)
        {
            deliverOnCommit = false;
            Deliver();
        }
    }

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        deliverOnCommit = false;
        return Task.CompletedTask;
    }

    private void Deliver() => jobs.Enqueue<OutboxDeliveryJob>(job => job.DeliverDueAsync(CancellationToken.None));
}
