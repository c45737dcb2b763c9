using System.Net;
using System.Text.RegularExpressions;
using TrainingPortal.Core.Security;

namespace TrainingPortal.IntegrationTests.RouteAccess;

/// <summary>
/// Someone trying the routes: anonymous, or a demo account of one role, signed in on a client that keeps cookies and
/// does not follow redirects, with an antiforgery token from a page they can open (so refused POSTs are refused for
/// who they are, not for a missing token).
/// </summary>
public sealed partial class Tester
{
    private Tester(string? role, HttpClient client, string token)
    {
        Role = role;
        Client = client;
        Token = token;
    }

    /// <summary>The role, or null for anonymous.</summary>
    public string? Role { get; }

    public string Name => Role ?? "Anonymous";

    public HttpClient Client { get; }

    public string Token { get; }

    /// <summary>Anonymous, then one signed-in demo account per role.</summary>
    public static async Task<IReadOnlyList<Tester>> SignInEachRoleAsync(PortalApp app, OtherPeoplesData data)
    {
        var accounts = new Dictionary<string, string>
        {
            [Roles.Practitioner] = data.PractitionerEmail,
            [Roles.NeglectChampion] = "nasima.miah@northshire-earlyhelp.example",
            [Roles.SafeguardingLead] = OtherPeoplesData.PoliceLeadEmail,
            [Roles.Trainer] = "naveed.javed@northshire-scp.example",
            [Roles.TrainingCoordinator] = OtherPeoplesData.CoordinatorEmail,
            [Roles.BoardMember] = "farah.shah@northshire-scp.example",
            [Roles.Administrator] = app.Options.AdminEmail,
        };
        var anonymous = app.CreateBrowserlikeClient();
        var testers = new List<Tester> { new(null, anonymous, await TokenFromAsync(anonymous, "/account/login")) };
        foreach (var role in Roles.All)
        {
            var client = app.CreateBrowserlikeClient();
            var signedIn = await client.SignInAsync(accounts[role], app.Options.AdminPassword);
            Assert.True(signedIn.StatusCode == HttpStatusCode.Redirect, $"{accounts[role]} could not sign in: {(int)signedIn.StatusCode}");
            // The layout's sign-out form carries a token for the signed-in person.
            testers.Add(new Tester(role, client, await TokenFromAsync(client, "/")));
        }
        return testers;
    }

    private static async Task<string> TokenFromAsync(HttpClient client, string page)
    {
        var token = TokenPattern().Match(await client.GetStringAsync(page));
        Assert.True(token.Success, $"No antiforgery token on {page}");
        return WebUtility.HtmlDecode(token.Groups[1].Value);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
