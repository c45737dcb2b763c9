using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;
using TrainingPortal.Data;
using TrainingPortal.Data.Settings;
using TrainingPortal.Notifications.Domain;
using TrainingPortal.Notifications.Jobs;
using TrainingPortal.Notifications.Services;

namespace TrainingPortal.Notifications.Tests;

/// <summary>A portal database and clock for outbox tests: queue email the way the product does, then run delivery.</summary>
public sealed class OutboxFixture : IDisposable
{
    public ModuleDatabase Database { get; } = new();

    public TestClock Clock { get; } = new();

    public static EmailContent Content(string subject = "Booking confirmed") =>
        new(subject, "Dear Sam,", ["You are booked on Neglect basic awareness on 3 March 2026."])
        {
            ActionText = "See your bookings",
            ActionUrl = "https://training.northshire.example/bookings",
        };

    /// <summary>Queues an email and saves it, as a service does with the change that caused it.</summary>
    public async Task<Guid> QueueAsync(string to = "sam.lee@northshire.example", string subject = "Booking confirmed", IEnumerable<EmailAttachment>? attachments = null)
    {
        await using var db = Database.CreateContext();
        var message = await new Outbox(db, new PortalSettings(db, Clock), Clock).EnqueueAsync("BookingConfirmed", to, "Sam Lee", Content(subject), attachments);
        await db.SaveChangesAsync();
        return message.Id;
    }

    public async Task SetAsync(string key, string value)
    {
        await using var db = Database.CreateContext();
        await new PortalSettings(db, Clock).SetAsync(key, value);
        await db.SaveChangesAsync();
    }

    /// <summary>One delivery run on its own context, as one job execution.</summary>
    public async Task<int> DeliverAsync(IEmailTransport transport, string from = "x@y.example")
    {
        await using var db = Database.CreateContext();
        return await Job(db, transport, from).DeliverDueAsync(CancellationToken.None);
    }

    public OutboxDeliveryJob Job(PortalDbContext db, IEmailTransport transport, string from = "x@y.example") =>
        new(db, transport, Options.Create(new SmtpOptions { From = from }), new PortalSettings(db, Clock), Clock, NullLogger<OutboxDeliveryJob>.Instance);

    public async Task<OutboxMessage> MessageAsync(Guid id)
    {
        await using var db = Database.CreateContext();
        return await db.Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.Id == id);
    }

    public void Dispose() => Database.Dispose();
}

/// <summary>Fails the first <c>failures</c> sends (or every send to some addresses), then records what it sends.</summary>
public sealed class RecordingTransport(int failures = 0, Func<MimeMessage, bool>? alwaysFails = null) : IEmailTransport
{
    public const string Error = "Connection refused by smtp.northshire.example";

    private int failuresLeft = failures;
    private int calls;

    public ConcurrentQueue<MimeMessage> Sent { get; } = new();

    /// <summary>Every call, including failed ones.</summary>
    public int Calls => Volatile.Read(ref calls);

    public TimeSpan Delay { get; init; }

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref calls);
        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay, cancellationToken);
        }
        if (Interlocked.Decrement(ref failuresLeft) >= 0 || alwaysFails?.Invoke(message) == true)
        {
            throw new IOException(Error);
        }
        Sent.Enqueue(message);
    }
}
