using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingPortal.Data;
using TrainingPortal.Notifications.Domain;
using Xunit;

namespace TrainingPortal.Testing;

/// <summary>What a newcomer types on the registration page.</summary>
public sealed record Newcomer(string FirstName, string LastName, string Email, Guid AgencyId, string JobTitle, string Password);

/// <summary>Registering as a newcomer does: the form, then the emailed link, then the password again.</summary>
public static class Registering
{
    /// <summary>Posts the registration form; the page always answers by sending the person to "Check your email".</summary>
    public static Task<HttpResponseMessage> RegisterAsync(this HttpClient client, Newcomer newcomer) =>
        client.PostFormAsync("/account/register", new Dictionary<string, string>
        {
            ["Input.FirstName"] = newcomer.FirstName,
            ["Input.LastName"] = newcomer.LastName,
            ["Input.Email"] = newcomer.Email,
            ["Input.AgencyId"] = newcomer.AgencyId.ToString(),
            ["Input.JobTitle"] = newcomer.JobTitle,
            ["Input.Password"] = newcomer.Password,
        });

    /// <summary>The path and query of the newest link to <paramref name="path"/> in an email queued for <paramref name="email"/>.</summary>
    public static async Task<string> EmailedLinkAsync(this PortalApp app, string email, string path = "/account/confirm-email")
    {
        var address = email.Trim().ToLowerInvariant();
        var bodies = await app.InScopeAsync(services => services.GetRequiredService<PortalDbContext>().Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.ToAddress.ToLower() == address).OrderByDescending(m => m.CreatedAt).Select(m => m.TextBody).ToListAsync());
        var link = bodies.Select(body => Regex.Match(body, $@"https?://[^\s/]+({Regex.Escape(path)}\?[^\s]+)")).FirstOrDefault(m => m.Success);
        Assert.True(link is not null, $"No email to {email} links to {path}.");
        return link.Groups[1].Value;
    }

    /// <summary>Follows the confirmation link and enters the password, as the mailbox's owner does.</summary>
    public static Task<HttpResponseMessage> ConfirmEmailAsync(this HttpClient client, string link, string password) =>
        client.PostFormAsync(link, new Dictionary<string, string> { ["Password"] = password });

    /// <summary>Registers, follows the emailed link and returns the client, now signed in.</summary>
    public static async Task<HttpClient> RegisterAndConfirmAsync(this PortalApp app, Newcomer newcomer)
    {
        var client = app.CreateBrowserlikeClient();
        var registered = await client.RegisterAsync(newcomer);
        Assert.Equal("/account/register/check-email", registered.Headers.Location?.OriginalString);
        var confirmed = await client.ConfirmEmailAsync(await app.EmailedLinkAsync(newcomer.Email), newcomer.Password);
        Assert.True(confirmed.StatusCode == HttpStatusCode.Redirect && confirmed.Headers.Location?.OriginalString == "/",
            $"Confirming {newcomer.Email} answered {(int)confirmed.StatusCode}.");
        return client;
    }
}
