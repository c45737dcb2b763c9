using System.Collections.Concurrent;
using System.Text;
using MimeKit;
using TrainingPortal.Data.Settings;
using TrainingPortal.Notifications.Domain;
using TrainingPortal.Notifications.Services;

namespace TrainingPortal.Notifications.Tests;

public sealed class OutboxDeliveryTests : IDisposable
{
    private readonly OutboxFixture outbox = new();

    public void Dispose() => outbox.Dispose();

    [Fact]
    public async Task A_queued_email_is_sent_with_its_subject_recipient_bodies_and_attachment()
    {
        await outbox.SetAsync(PortalSettings.PartnershipName, "Northshire Safeguarding Children Partnership");
        var id = await outbox.QueueAsync(attachments: [new("session.ics", "text/calendar", Encoding.UTF8.GetBytes("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"))]);
        var transport = new RecordingTransport();

        Assert.Equal(1, await outbox.DeliverAsync(transport, from: "training@partnership.example"));

        var sent = Assert.Single(transport.Sent);
        Assert.Equal("Booking confirmed", sent.Subject);
        Assert.Equal("\"Sam Lee\" <sam.lee@northshire.example>", sent.To.ToString());
        Assert.Equal("training@partnership.example", sent.From.Mailboxes.Single().Address);
        Assert.Contains("You are booked on Neglect basic awareness on 3 March 2026.", sent.TextBody);
        Assert.Contains("See your bookings: https://training.northshire.example/bookings", sent.TextBody);
        Assert.Contains("Northshire Safeguarding Children Partnership", sent.HtmlBody);
        Assert.Equal("session.ics", Assert.Single(sent.Attachments).ContentDisposition?.FileName);
        var message = await outbox.MessageAsync(id);
        Assert.Equal((OutboxMessageStatus.Sent, 1), (message.Status, message.Attempts));
        Assert.Equal(outbox.Clock.UtcNow.UtcDateTime, message.SentAt);
    }

    [Fact]
    public async Task Without_a_partnership_name_the_email_is_signed_training_portal()
    {
        await outbox.QueueAsync();
        var transport = new RecordingTransport();

        await outbox.DeliverAsync(transport);

        Assert.EndsWith("Training portal\n", Assert.Single(transport.Sent).TextBody);
    }

    [Fact]
    public async Task The_sender_is_named_by_the_from_name_setting_unless_the_smtp_address_has_its_own_name()
    {
        await outbox.SetAsync("Notifications:FromName", "Neglect training");
        await outbox.QueueAsync(subject: "First");
        var unnamed = new RecordingTransport();
        await outbox.DeliverAsync(unnamed, from: "training@partnership.example");
        await outbox.QueueAsync(subject: "Second");
        var named = new RecordingTransport();
        await outbox.DeliverAsync(named, from: "Northshire LSCP <training@partnership.example>");

        Assert.Equal("Neglect training", Assert.Single(unnamed.Sent).From.Mailboxes.Single().Name);
        Assert.Equal("Northshire LSCP", Assert.Single(named.Sent).From.Mailboxes.Single().Name);
    }

    [Fact]
    public async Task An_email_queued_in_a_change_that_was_never_saved_is_never_sent()
    {
        await using (var db = outbox.Database.CreateContext())
        {
            await new Outbox(db, new PortalSettings(db, outbox.Clock), outbox.Clock).EnqueueAsync("BookingConfirmed", "sam.lee@northshire.example", null, OutboxFixture.Content());
        }
        var transport = new RecordingTransport();

        Assert.Equal(0, await outbox.DeliverAsync(transport));
        Assert.Equal(0, transport.Calls);
    }

    [Fact]
    public async Task A_failed_send_is_kept_with_its_error_and_retried_a_minute_later_but_not_before()
    {
        var id = await outbox.QueueAsync();
        var failedAt = outbox.Clock.UtcNow.UtcDateTime;
        var transport = new RecordingTransport(failures: 1);

        Assert.Equal(0, await outbox.DeliverAsync(transport));

        var pending = await outbox.MessageAsync(id);
        Assert.Equal((OutboxMessageStatus.Pending, 1), (pending.Status, pending.Attempts));
        Assert.Equal(RecordingTransport.Error, pending.LastError);
        Assert.Equal(failedAt.AddMinutes(1), pending.NextAttemptAt);

        outbox.Clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(0, await outbox.DeliverAsync(transport));
        Assert.Equal(1, transport.Calls);

        outbox.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await outbox.DeliverAsync(transport));
        var sent = await outbox.MessageAsync(id);
        Assert.Equal((OutboxMessageStatus.Sent, 2), (sent.Status, sent.Attempts));
        Assert.Null(sent.LastError);
        Assert.Single(transport.Sent);
    }

    [Fact]
    public async Task Each_further_failure_doubles_the_wait_before_the_next_try()
    {
        var id = await outbox.QueueAsync();
        var transport = new RecordingTransport(failures: 3);
        var waits = new List<TimeSpan>();

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var triedAt = outbox.Clock.UtcNow.UtcDateTime;
            await outbox.DeliverAsync(transport);
            var message = await outbox.MessageAsync(id);
            waits.Add(message.NextAttemptAt - triedAt);
            outbox.Clock.UtcNow = new DateTimeOffset(message.NextAttemptAt, TimeSpan.Zero);
        }
        Assert.Equal(1, await outbox.DeliverAsync(transport));

        Assert.Equal([TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(4)], waits);
        Assert.Equal(4, (await outbox.MessageAsync(id)).Attempts);
    }

    [Fact]
    public async Task After_the_last_allowed_failure_the_email_is_marked_failed_and_never_tried_again()
    {
        var id = await outbox.QueueAsync();
        var transport = new RecordingTransport(failures: int.MaxValue);

        for (var attempt = 1; attempt <= OutboxMessage.MaxAttempts; attempt++)
        {
            await outbox.DeliverAsync(transport);
            outbox.Clock.Advance(OutboxMessage.BackOffAfter(attempt));
        }
        var failed = await outbox.MessageAsync(id);
        outbox.Clock.Advance(TimeSpan.FromDays(7));
        await outbox.DeliverAsync(transport);

        Assert.Equal((OutboxMessageStatus.Failed, OutboxMessage.MaxAttempts), (failed.Status, failed.Attempts));
        Assert.Equal(RecordingTransport.Error, failed.LastError);
        Assert.Equal(OutboxMessage.MaxAttempts, transport.Calls);
    }

    [Fact]
    public async Task A_sent_email_is_sent_once_even_when_delivery_runs_twice()
    {
        await outbox.QueueAsync();
        var transport = new RecordingTransport();

        Assert.Equal(1, await outbox.DeliverAsync(transport));
        outbox.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await outbox.DeliverAsync(transport));

        Assert.Single(transport.Sent);
        Assert.Equal(1, transport.Calls);
    }

    [Fact]
    public async Task An_address_that_keeps_failing_does_not_hold_up_the_others()
    {
        var bad = await outbox.QueueAsync(to: "nobody@broken.example");
        var good = await outbox.QueueAsync(to: "sam.lee@northshire.example");
        var transport = new RecordingTransport(alwaysFails: m => m.To.Mailboxes.Any(a => a.Address == "nobody@broken.example"));

        Assert.Equal(1, await outbox.DeliverAsync(transport));

        Assert.Equal(OutboxMessageStatus.Pending, (await outbox.MessageAsync(bad)).Status);
        Assert.Equal(OutboxMessageStatus.Sent, (await outbox.MessageAsync(good)).Status);
        Assert.Equal(2, transport.Calls);
    }

    [Fact]
    public async Task Emails_are_sent_oldest_first()
    {
        await outbox.QueueAsync(subject: "First");
        outbox.Clock.Advance(TimeSpan.FromSeconds(30));
        await outbox.QueueAsync(subject: "Second");
        outbox.Clock.Advance(TimeSpan.FromSeconds(30));
        await outbox.QueueAsync(subject: "Third");
        var transport = new RecordingTransport();

        await outbox.DeliverAsync(transport);

        Assert.Equal(["First", "Second", "Third"], transport.Sent.Select(m => m.Subject));
    }

    [Fact]
    public async Task A_backlog_longer_than_one_batch_is_all_sent_in_one_run()
    {
        for (var i = 0; i < 60; i++)
        {
            await outbox.QueueAsync(subject: $"Email {i}");
        }
        var transport = new RecordingTransport();

        Assert.Equal(60, await outbox.DeliverAsync(transport));
        Assert.Equal(60, transport.Sent.Select(m => m.Subject).Distinct().Count());
    }

    [Fact]
    public async Task An_email_held_by_a_run_that_stopped_midway_waits_for_the_hold_to_expire_then_is_sent_once()
    {
        var id = await outbox.QueueAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => outbox.DeliverAsync(new StoppingTransport()));
        var transport = new RecordingTransport();

        outbox.Clock.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal(0, await outbox.DeliverAsync(transport));
        outbox.Clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        Assert.Equal(1, await outbox.DeliverAsync(transport));

        Assert.Single(transport.Sent);
        Assert.Equal(OutboxMessageStatus.Sent, (await outbox.MessageAsync(id)).Status);
    }

    [Fact]
    public async Task A_run_that_starts_while_another_is_sending_skips_the_email_being_sent_and_neither_sends_anything_twice()
    {
        for (var i = 0; i < 5; i++)
        {
            await outbox.QueueAsync(subject: $"Email {i}");
        }
        var log = new ConcurrentQueue<string>();
        var first = new PausingTransport(log);
        await using var firstDb = outbox.Database.CreateContext();
        var firstRun = outbox.Job(firstDb, first).DeliverDueAsync(CancellationToken.None);
        await first.Entered.Task.WaitAsync(TimeSpan.FromSeconds(10));

        int secondSent;
        await using (var secondDb = outbox.Database.CreateContext())
        {
            secondSent = await outbox.Job(secondDb, new PausingTransport(log, pause: false)).DeliverDueAsync(CancellationToken.None);
        }
        first.Release.SetResult();
        var firstSent = await firstRun.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal((1, 4), (firstSent, secondSent));
        Assert.Equal(5, log.Count);
        Assert.Equal(5, log.Distinct().Count());
    }

    [Fact]
    public async Task Two_runs_at_the_same_time_on_two_connections_send_each_email_exactly_once()
    {
        for (var i = 0; i < 30; i++)
        {
            await outbox.QueueAsync(subject: $"Email {i}");
        }
        var transport = new RecordingTransport { Delay = TimeSpan.FromMilliseconds(3) };

        var runs = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => outbox.DeliverAsync(transport))));

        Assert.Equal(30, runs.Sum());
        Assert.Equal(30, transport.Calls);
        Assert.Equal(30, transport.Sent.Select(m => m.Subject).Distinct().Count());
    }

    /// <summary>Cancelled mid-send, as when the application shuts down.</summary>
    private sealed class StoppingTransport : IEmailTransport
    {
        public Task SendAsync(MimeMessage message, CancellationToken cancellationToken) => throw new OperationCanceledException();
    }

    /// <summary>Records each message id; the pausing one waits inside its first send until released.</summary>
    private sealed class PausingTransport(ConcurrentQueue<string> log, bool pause = true) : IEmailTransport
    {
        private int sends;

        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
        {
            if (pause && Interlocked.Increment(ref sends) == 1)
            {
                Entered.SetResult();
                await Release.Task;
            }
            log.Enqueue(message.MessageId ?? "");
        }
    }
}
