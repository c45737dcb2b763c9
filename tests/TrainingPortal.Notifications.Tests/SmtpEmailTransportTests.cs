using System.Text;
using Microsoft.Extensions.Options;
using TrainingPortal.Notifications.Domain;
using TrainingPortal.Notifications.Services;

namespace TrainingPortal.Notifications.Tests;

/// <summary>Delivery through a real SMTP server on loopback.</summary>
public sealed class SmtpEmailTransportTests : IAsyncLifetime
{
    private readonly OutboxFixture outbox = new();
    private MailDevServer mail = null!;

    public async Task InitializeAsync() => mail = await MailDevServer.StartAsync();

    public async Task DisposeAsync()
    {
        await mail.DisposeAsync();
        outbox.Dispose();
    }

    [Fact]
    public async Task A_queued_email_arrives_at_the_smtp_server_with_its_subject_recipient_text_and_attachment()
    {
        var transport = Transport(mail.SmtpPort);
        await outbox.QueueAsync(attachments: [new("session.ics", "text/calendar", Encoding.UTF8.GetBytes("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"))]);

        Assert.Equal(1, await outbox.DeliverAsync(transport, from: "Neglect training <training@partnership.example>"));

        var email = await mail.WaitForEmailAsync(e => e.IsAddressedTo("sam.lee@northshire.example"), TimeSpan.FromSeconds(10));
        Assert.Equal("Booking confirmed", email.Subject);
        Assert.Equal("training@partnership.example", email.From);
        Assert.Contains("You are booked on Neglect basic awareness on 3 March 2026.", email.Text);
        Assert.Equal(["session.ics"], email.AttachmentFileNames);
    }

    [Fact]
    public async Task When_nothing_answers_on_the_smtp_port_the_email_stays_queued_with_the_connection_error()
    {
        var id = await outbox.QueueAsync();

        Assert.Equal(0, await outbox.DeliverAsync(Transport(FreePort.Next())));

        var message = await outbox.MessageAsync(id);
        Assert.Equal((OutboxMessageStatus.Pending, 1), (message.Status, message.Attempts));
        Assert.False(string.IsNullOrWhiteSpace(message.LastError));
    }

    private static SmtpEmailTransport Transport(int port) =>
        new(Options.Create(new SmtpOptions { Host = "127.0.0.1", Port = port, Security = "None", TimeoutSeconds = 5 }));
}
