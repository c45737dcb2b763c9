using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingPortal.Agencies.Domain;
using TrainingPortal.Catalogue.Domain;
using TrainingPortal.Core.Recipes;
using TrainingPortal.Data;
using TrainingPortal.Identity.Domain;
using TrainingPortal.Notifications.Domain;

namespace TrainingPortal.IntegrationTests;

/// <summary>
/// Nobody takes over another person's learning record by typing their email address: registering links nothing until
/// the address is proven, and the registration page tells a stranger nothing about who is on the portal.
/// </summary>
public partial class RegistrationSecurityTests
{
    private const string Password = "lichen-marble-ferry-73";

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task Registering_with_a_practitioners_email_reaches_nothing_of_theirs_until_the_emailed_link_is_followed_with_the_password(TestDatabase database)
    {
        await using var app = await PortalApp.StartAsync(new PortalAppOptions { Database = database, Recipe = "demo" });
        var person = await app.PractitionerWithTrainingAndNoAccountAsync();
        var stranger = app.CreateBrowserlikeClient();

        var registered = await stranger.RegisterAsync(new Newcomer("Someone", "Else", person.Email, person.AgencyId, "Nurse", Password));

        Assert.Equal("/account/register/check-email", registered.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await stranger.GetAsync("/my-learning")).StatusCode);
        var signIn = await stranger.SignInAsync(person.Email, Password);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Contains("Confirm your email address first", await signIn.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await stranger.GetAsync("/my-learning")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await stranger.GetAsync("/what-i-need")).StatusCode);
        var state = await RecordStateAsync(app, person.PractitionerId);
        Assert.Null(state.UserId);
        Assert.Equal(1, state.Memberships);

        // Someone who has the link but not the password (a forwarded email, a mail scanner) cannot finish it.
        var link = await app.EmailedLinkAsync(person.Email);
        Assert.Equal(HttpStatusCode.OK, (await app.CreateBrowserlikeClient().GetAsync(link)).StatusCode);
        var wrongPassword = await app.CreateBrowserlikeClient().ConfirmEmailAsync(link, "not-the-password-at-all");
        Assert.Contains("The password is not the one you chose", await wrongPassword.Content.ReadAsStringAsync());
        Assert.Null((await RecordStateAsync(app, person.PractitionerId)).UserId);

        var owner = app.CreateBrowserlikeClient();
        var confirmed = await owner.ConfirmEmailAsync(link, Password);

        Assert.Equal("/", confirmed.Headers.Location?.OriginalString);
        var myLearning = await owner.GetStringAsync("/my-learning");
        Assert.Contains(person.CourseTitle, WebUtility.HtmlDecode(myLearning));
        Assert.NotNull((await RecordStateAsync(app, person.PractitionerId)).UserId);
        var reused = await app.CreateBrowserlikeClient().ConfirmEmailAsync(link, Password);
        Assert.Contains("already been confirmed", await reused.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task The_registration_page_answers_the_same_for_an_address_with_a_record_one_without_and_one_with_an_account(TestDatabase database)
    {
        await using var app = await PortalApp.StartAsync(new PortalAppOptions { Database = database, Recipe = "demo" });
        var person = await app.PractitionerWithTrainingAndNoAccountAsync();
        const string lead = "ben.bland@northshire-police.example";
        var addresses = new[] { person.Email, "new.starter@northshire-homes.example", lead };

        var pages = new List<string>();
        foreach (var address in addresses)
        {
            var client = app.CreateBrowserlikeClient();
            var registered = await client.RegisterAsync(new Newcomer("Pat", "Example", address, person.AgencyId, "Support worker", Password));
            Assert.Equal("/account/register/check-email", registered.Headers.Location?.OriginalString);
            var page = await client.GetStringAsync("/account/register/check-email");
            pages.Add(AntiforgeryToken().Replace(page.Replace(address, "ADDRESS"), ""));
        }

        Assert.Single(pages.Distinct());
        var emails = await app.InScopeAsync(services => services.GetRequiredService<PortalDbContext>().Set<OutboxMessage>().AsNoTracking()
            .Where(m => addresses.Contains(m.ToAddress)).Select(m => new { m.ToAddress, m.Subject }).ToListAsync());
        Assert.Contains(emails, e => e.ToAddress == person.Email && e.Subject == "Confirm your email address");
        Assert.Contains(emails, e => e.ToAddress == addresses[1] && e.Subject == "Confirm your email address");
        Assert.Contains(emails, e => e.ToAddress == lead && e.Subject == "You already have an account");
        Assert.DoesNotContain(emails, e => e.ToAddress == lead && e.Subject == "Confirm your email address");
        // The existing account is untouched: its owner still signs in with their own password, and not with the new one.
        Assert.Equal(HttpStatusCode.Redirect, (await app.CreateBrowserlikeClient().SignInAsync(lead, app.Options.AdminPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.CreateBrowserlikeClient().SignInAsync(lead, Password)).StatusCode);
    }

    [Fact]
    public async Task Registration_refuses_bad_input_field_by_field_and_creates_no_account()
    {
        await using var app = await PortalApp.StartAsync(new PortalAppOptions { Recipe = "demo" });
        var client = app.CreateBrowserlikeClient();

        var response = await client.PostFormAsync("/account/register", new Dictionary<string, string>
        {
            ["Input.FirstName"] = "", ["Input.LastName"] = "Example", ["Input.Email"] = "not-an-address",
            ["Input.JobTitle"] = "", ["Input.Password"] = "password",
        });

        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("There is a problem", page);
        Assert.Contains("Enter your first name", page);
        Assert.Contains("Enter an email address in the correct format", page);
        Assert.Contains("Select the agency you work for", page);
        Assert.Contains("Enter your job title", page);
        Assert.Equal(0, await app.InScopeAsync(services => services.GetRequiredService<PortalDbContext>().Set<PortalUser>().CountAsync(u => u.Email == "not-an-address")));
    }

    [Fact]
    public async Task A_confirmation_link_stops_working_after_24_hours_and_signing_in_sends_a_new_one()
    {
        var clock = new TestClock(DateTimeOffset.UtcNow);
        await using var app = await PortalApp.StartAsync(new PortalAppOptions { Recipe = "demo", Clock = clock });
        var person = await app.PractitionerWithTrainingAndNoAccountAsync();
        var client = app.CreateBrowserlikeClient();
        await client.RegisterAsync(new Newcomer("Pat", "Example", person.Email, person.AgencyId, "Support worker", Password));
        var oldLink = await app.EmailedLinkAsync(person.Email);

        clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));

        var expired = await client.ConfirmEmailAsync(oldLink, Password);
        Assert.Contains("expired or has already been used", await expired.Content.ReadAsStringAsync());
        Assert.Null((await RecordStateAsync(app, person.PractitionerId)).UserId);

        Assert.Contains("Confirm your email address first", await (await client.SignInAsync(person.Email, Password)).Content.ReadAsStringAsync());
        var newLink = await app.EmailedLinkAsync(person.Email);
        Assert.NotEqual(oldLink, newLink);
        Assert.Equal("/", (await client.ConfirmEmailAsync(newLink, Password)).Headers.Location?.OriginalString);
        Assert.NotNull((await RecordStateAsync(app, person.PractitionerId)).UserId);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task A_lead_invites_a_member_of_staff_who_sets_their_own_password_from_the_email_and_finds_their_record(TestDatabase database)
    {
        await using var app = await PortalApp.StartAsync(new PortalAppOptions { Database = database, Recipe = "demo" });
        var person = await app.PractitionerWithTrainingAndNoAccountAsync();
        var leadEmail = await app.InScopeAsync(services => services.GetRequiredService<PortalDbContext>().Set<AgencyLead>()
            .Where(l => l.AgencyId == person.AgencyId)
            .Join(services.GetRequiredService<PortalDbContext>().Set<PortalUser>(), l => l.UserId, u => u.Id, (l, u) => u.Email).FirstAsync());
        var lead = app.CreateBrowserlikeClient();
        await lead.SignInAsync(leadEmail!, app.Options.AdminPassword);
        var staffPage = $"/agencies/{person.AgencyId}/practitioners/{person.PractitionerId}";
        Assert.Contains("Invite them to sign in", await lead.GetStringAsync(staffPage));

        var invited = await lead.PostFormAsync($"{staffPage}?handler=Invite", new Dictionary<string, string>(), formPage: staffPage);

        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
        Assert.Contains("Invitation sent", await lead.GetStringAsync(staffPage));
        // Until the person follows the link the account cannot sign in and holds nobody's record.
        Assert.Null((await RecordStateAsync(app, person.PractitionerId)).UserId);
        var link = await app.EmailedLinkAsync(person.Email, "/account/reset-password");
        var newcomer = app.CreateBrowserlikeClient();
        var saved = await newcomer.PostFormAsync(link, new Dictionary<string, string> { ["Password"] = Password, ["ConfirmPassword"] = Password });
        Assert.Equal("/account/login", saved.Headers.Location?.OriginalString);

        Assert.Equal(HttpStatusCode.Redirect, (await newcomer.SignInAsync(person.Email, Password)).StatusCode);
        Assert.Contains(person.CourseTitle, WebUtility.HtmlDecode(await newcomer.GetStringAsync("/my-learning")));
        Assert.Equal(1, (await RecordStateAsync(app, person.PractitionerId)).Memberships);
        var again = await lead.PostFormAsync($"{staffPage}?handler=Invite", new Dictionary<string, string>(), formPage: $"/agencies/{person.AgencyId}/practitioners");
        Assert.Contains("already have an account", WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task A_lead_invites_everyone_on_their_staff_list_without_an_account_in_one_go_and_nobody_else()
    {
        await using var app = await PortalApp.StartAsync(new PortalAppOptions { Recipe = "demo" });
        var (agencyId, leadEmail, expected) = await app.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<PortalDbContext>();
            var agency = await db.Set<Agency>().Where(a => a.Name == "Northshire Police").Select(a => a.Id).SingleAsync();
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            var uninvited = await db.Set<AgencyMembership>()
                .Where(m => m.AgencyId == agency && m.Status == MembershipStatus.Confirmed && (m.LeavingDate == null || m.LeavingDate > today)
                    && m.Practitioner!.UserId == null && m.Practitioner.Email != null)
                .Select(m => m.Practitioner!.Email!).ToListAsync();
            return (agency, "ben.bland@northshire-police.example", uninvited);
        });
        Assert.NotEmpty(expected);
        var lead = app.CreateBrowserlikeClient();
        await lead.SignInAsync(leadEmail, app.Options.AdminPassword);
        var list = $"/agencies/{agencyId}/practitioners";
        Assert.Contains($"{expected.Count} members of staff have an email address but no account", await lead.GetStringAsync(list));

        var invited = await lead.PostFormAsync($"{list}?handler=InviteAll", new Dictionary<string, string>(), formPage: list);

        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
        var page = await lead.GetStringAsync(list);
        Assert.Contains($"{expected.Count} invitations sent", page);
        Assert.DoesNotContain("but no account", page);
        var invitations = await app.InScopeAsync(services => services.GetRequiredService<PortalDbContext>().Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.Category == "AccountInvitation").Select(m => m.ToAddress).ToListAsync());
        Assert.Equal(expected.Order(), invitations.Order());
        var otherLead = app.CreateBrowserlikeClient();
        await otherLead.SignInAsync("tanya.thomas@northshire-homes.example", app.Options.AdminPassword);
        var forged = await otherLead.PostFormAsync($"{list}?handler=InviteAll", new Dictionary<string, string>(), formPage: "/account/notifications");
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
    }

    [Fact]
    public async Task Outside_the_demo_recipe_accounts_a_recipe_makes_get_an_invitation_not_the_set_up_password()
    {
        await using var app = await PortalApp.StartAsync();
        const string email = "lou.nominated@partnership.example";

        await app.InScopeAsync(async services =>
        {
            var step = services.GetServices<IRecipeStep>().Single(s => s.Name == "Users");
            using var json = JsonDocument.Parse($$"""{ "name": "Users", "users": [ { "email": "{{email}}", "firstName": "Lou", "lastName": "Nominated", "roles": ["TrainingCoordinator"] } ] }""");
            await step.ExecuteAsync(json.RootElement, new RecipeContext { RecipeName = "custom", Parameters = new Dictionary<string, string> { ["UserPassword"] = app.Options.AdminPassword } }, CancellationToken.None);
        });

        var account = await app.InScopeAsync(async services => await services.GetRequiredService<UserManager<PortalUser>>().FindByEmailAsync(email));
        Assert.NotNull(account);
        Assert.Null(account.PasswordHash);
        Assert.False(account.EmailConfirmed);
        Assert.Equal(HttpStatusCode.OK, (await app.CreateBrowserlikeClient().SignInAsync(email, app.Options.AdminPassword)).StatusCode);
        Assert.NotNull(await app.EmailedLinkAsync(email, "/account/reset-password"));
    }

    private sealed record RecordState(Guid? UserId, int Memberships);

    private static Task<RecordState> RecordStateAsync(PortalApp app, Guid practitionerId) => app.InScopeAsync(async services =>
    {
        var db = services.GetRequiredService<PortalDbContext>();
        var userId = await db.Set<Practitioner>().Where(p => p.Id == practitionerId).Select(p => p.UserId).SingleAsync();
        return new RecordState(userId, await db.Set<AgencyMembership>().CountAsync(m => m.PractitionerId == practitionerId));
    });

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"[^\"]+\"")]
    private static partial Regex AntiforgeryToken();
}
