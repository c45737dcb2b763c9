using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using TrainingPortal.Core;

namespace TrainingPortal.Notifications.Services;

/// <summary>SMTP settings (<c>Smtp:*</c>). Without a host, mail is written as .eml files instead.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>Sender address; "Name &lt;address&gt;" is accepted.</summary>
    public string From { get; set; } = "no-reply@trainingportal.invalid";

    /// <summary>Auto (STARTTLS when offered), None, StartTls or SslOnConnect.</summary>
    public string Security { get; set; } = "Auto";

    public int TimeoutSeconds { get; set; } = 30;
}

/// <summary>The seam between the outbox and the outside world.</summary>
public interface IEmailTransport
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

/// <summary>Delivers through an SMTP server with MailKit.</summary>
public sealed class SmtpEmailTransport(IOptions<SmtpOptions> options) : IEmailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var smtp = options.Value;
        using var client = new SmtpClient { Timeout = smtp.TimeoutSeconds * 1000 };
        var security = smtp.Security.ToLowerInvariant() switch
        {
            "none" => SecureSocketOptions.None,
            "starttls" => SecureSocketOptions.StartTls,
            "sslonconnect" => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.Auto,
        };
        await client.ConnectAsync(smtp.Host!, smtp.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? string.Empty, cancellationToken);
        }
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}

/// <summary>Writes each message as an .eml file under <c>DataDirectory/mail</c>: the default when no SMTP server is configured.</summary>
public sealed class PickupDirectoryTransport(DataDirectory dataDirectory, TimeProvider clock) : IEmailTransport
{
    public string Folder => dataDirectory.Folder("mail");

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var path = Path.Combine(Folder, $"{clock.GetUtcNow():yyyyMMdd-HHmmss}-{message.MessageId ?? Guid.NewGuid().ToString("N")}.eml");
        await message.WriteToAsync(path, cancellationToken);
    }
}
