using System.Text;
using MimeKit;
using TrainingPortal.Core;
using TrainingPortal.Notifications.Services;

namespace TrainingPortal.Notifications.Tests;

public sealed class PickupDirectoryTransportTests : IDisposable
{
    private readonly OutboxFixture outbox = new();
    private readonly TempFolder data = new();

    public void Dispose()
    {
        outbox.Dispose();
        data.Dispose();
    }

    [Fact]
    public async Task Without_smtp_a_queued_email_is_written_as_an_eml_file_a_mail_program_can_open()
    {
        var transport = new PickupDirectoryTransport(new DataDirectory(data.Path), TimeProvider.System);
        await outbox.QueueAsync(attachments: [new("register.csv", "text/csv", Encoding.UTF8.GetBytes("Name,Attended\nSam Lee,yes\n"))]);

        Assert.Equal(1, await outbox.DeliverAsync(transport, from: "training@partnership.example"));

        var file = Assert.Single(Directory.GetFiles(data.Combine("mail"), "*.eml"));
        Assert.Equal(data.Combine("mail"), transport.Folder);
        using var message = MimeMessage.Load(file);
        Assert.Equal("Booking confirmed", message.Subject);
        Assert.Equal("sam.lee@northshire.example", message.To.Mailboxes.Single().Address);
        Assert.Equal("training@partnership.example", message.From.Mailboxes.Single().Address);
        Assert.Contains("You are booked on Neglect basic awareness", message.TextBody);
        Assert.Contains("You are booked on Neglect basic awareness", message.HtmlBody);
        var attachment = Assert.IsAssignableFrom<MimePart>(Assert.Single(message.Attachments));
        Assert.Equal("register.csv", attachment.FileName);
        using var content = new MemoryStream();
        await attachment.Content!.DecodeToAsync(content);
        Assert.Equal("Name,Attended\nSam Lee,yes\n", Encoding.UTF8.GetString(content.ToArray()));
    }

    [Fact]
    public async Task Several_emails_written_in_the_same_second_each_get_their_own_file()
    {
        var transport = new PickupDirectoryTransport(new DataDirectory(data.Path), TimeProvider.System);
        for (var i = 0; i < 3; i++)
        {
            await outbox.QueueAsync(subject: $"Email {i}");
        }

        Assert.Equal(3, await outbox.DeliverAsync(transport));

        var subjects = Directory.GetFiles(data.Combine("mail"), "*.eml").Select(f =>
        {
            using var message = MimeMessage.Load(f);
            return message.Subject;
        });
        Assert.Equal(["Email 0", "Email 1", "Email 2"], subjects.Order());
    }
}
