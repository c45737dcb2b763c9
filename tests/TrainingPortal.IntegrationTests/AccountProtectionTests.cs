using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingPortal.Core.Security;
using TrainingPortal.Data;
using TrainingPortal.Notifications.Domain;

namespace TrainingPortal.IntegrationTests;

/// <summary>Lockout after repeated wrong passwords, and a password reset page that does not say who has an account.</summary>
public partial class AccountProtectionTests
{
    private const string Password = "quiet-river-stone-31";

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task Five_wrong_passwords_lock_the_account_until_an_administrator_unlocks_it(TestDatabase database)
    {
        await using var app = await PortalApp.StartAsync(new PortalAppOptions { Database = database });
        var nurse = await app.AccountAsync("nia.hughes@health.example", "Nia", "Hughes", [Roles.Practitioner], Password);
        var client = app.CreateBrowserlikeClient();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var wrong = await client.SignInAsync(nurse.Email, "not-the-password-at-all");
            Assert.Contains(attempt < 5 ? "The email address or password is not right" : "Your account is locked", await wrong.Content.ReadAsStringAsync());
        }

        var sixth = await client.SignInAsync(nurse.Email, Password);

        Assert.Equal(HttpStatusCode.OK, sixth.StatusCode);
        Assert.Contains("Your account is locked because of too many failed sign-in attempts. Try again in 15 minutes", await sixth.Content.ReadAsStringAsync());
        Assert.False(sixth.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("TrainingPortal.Auth=")));

        var admin = app.CreateBrowserlikeClient();
        await admin.SignInAsync(app.Options.AdminEmail, app.Options.AdminPassword);
        var accountPage = $"/admin/users/{nurse.UserId}";
        Assert.Contains("Locked after too many failed sign-in attempts", await admin.GetStringAsync(accountPage));
        await admin.PostFormAsync($"{accountPage}?handler=Unlock", new Dictionary<string, string>(), formPage: accountPage);
        Assert.DoesNotContain("Locked after too many failed sign-in attempts", await admin.GetStringAsync(accountPage));

        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(nurse.Email, Password)).StatusCode);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task Asking_for_a_reset_link_looks_the_same_whether_or_not_the_account_exists_and_only_a_real_account_gets_email(TestDatabase database)
    {
        await using var app = await PortalApp.StartAsync(new PortalAppOptions { Database = database });
        var client = app.CreateBrowserlikeClient();

        var unknown = await client.PostFormAsync("/account/forgot-password", new Dictionary<string, string> { ["Email"] = "no.one@partnership.example" });
        var unknownPage = await unknown.Content.ReadAsStringAsync();
        Assert.Empty(await OutboxAsync(app));
        var known = await client.PostFormAsync("/account/forgot-password", new Dictionary<string, string> { ["Email"] = app.Options.AdminEmail.ToUpperInvariant() });
        var knownPage = await known.Content.ReadAsStringAsync();

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (unknown.StatusCode, known.StatusCode));
        Assert.Contains("If an account uses that email address, we have sent it a link to reset the password.", knownPage);
        Assert.Equal(MainContent(knownPage), MainContent(unknownPage));
        Assert.Equal(unknownPage, knownPage);
        var sent = Assert.Single(await OutboxAsync(app));
        Assert.Equal((app.Options.AdminEmail, "Reset your password"), (sent.ToAddress, sent.Subject));
    }

    [GeneratedRegex("<main[^>]*>.*</main>", RegexOptions.Singleline)]
    private static partial Regex MainPattern();

    private static string MainContent(string page) => MainPattern().Match(page).Value;

    private static Task<List<OutboxMessage>> OutboxAsync(PortalApp app) =>
        app.InScopeAsync(services => services.GetRequiredService<PortalDbContext>().Set<OutboxMessage>().AsNoTracking().ToListAsync());
}
