using System.Net;
using Microsoft.AspNetCore.Http;
using TrainingPortal.Web.Composition;

namespace TrainingPortal.IntegrationTests;

/// <summary>Per-address limits on sign-in, registration, password reset and the public certificate check.</summary>
public class AttemptLimitTests
{
    private static readonly FormUrlEncodedContent NoFields = new(new Dictionary<string, string>());

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task Too_many_sign_in_attempts_are_refused_with_a_page_that_says_how_long_to_wait(TestDatabase database)
    {
        await using var app = await PortalApp.StartAsync(new PortalAppOptions { Database = database, Settings = Limits(("SignInPermits", "3")) });
        var client = app.CreateBrowserlikeClient();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.SignInAsync(app.Options.AdminEmail, "not-the-password-at-all")).StatusCode);
        }

        var refused = await client.SignInAsync(app.Options.AdminEmail, app.Options.AdminPassword);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(TimeSpan.FromMinutes(5), refused.Headers.RetryAfter?.Delta);
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Contains("<h1 class=\"govuk-heading-l\">Too many attempts</h1>", page);
        Assert.Contains("Wait 5 minutes and try again.", page);
        Assert.Contains("govuk-template", page);
        Assert.False(refused.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("TrainingPortal.Auth=")));
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.PostAsync("/account/login-with-2fa", NoFields)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/login")).StatusCode);
        var reset = await client.PostFormAsync("/account/forgot-password", new Dictionary<string, string> { ["Email"] = app.Options.AdminEmail });
        Assert.Contains("Check your email", await reset.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task Registration_password_reset_and_certificate_checks_each_have_their_own_limit(TestDatabase database)
    {
        await using var app = await PortalApp.StartAsync(new PortalAppOptions
        {
            Database = database,
            Settings = Limits(("RegistrationPermits", "1"), ("PasswordResetPermits", "2"), ("CertificateCheckPermits", "2")),
        });
        var client = app.CreateBrowserlikeClient();

        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("/account/register", NoFields)).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.PostAsync("/account/register", NoFields)).StatusCode);

        var asked = await client.PostFormAsync("/account/forgot-password", new Dictionary<string, string> { ["Email"] = "nobody@partnership.example" });
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("/account/reset-password", NoFields)).StatusCode);
        var refused = await client.PostFormAsync("/account/forgot-password", new Dictionary<string, string> { ["Email"] = app.Options.AdminEmail });
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("Too many attempts", await refused.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/certificates/verify/7KQM-2XRD-H9TB-4WNC")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/certificates/verify?number=7KQM-2XRD-H9TB-4WND")).StatusCode);
        var tooMany = await client.GetAsync("/certificates/verify/7KQM-2XRD-H9TB-4WNE");
        Assert.Equal(HttpStatusCode.TooManyRequests, tooMany.StatusCode);
        Assert.Contains("Wait 5 minutes and try again.", await tooMany.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(app.Options.AdminEmail, app.Options.AdminPassword)).StatusCode);
    }

    [Theory]
    [InlineData("POST", "/account/login", "SignIn")]
    [InlineData("POST", "/Account/Login-With-2fa/", "SignIn")]
    [InlineData("POST", "/account/register", "Registration")]
    [InlineData("POST", "/account/confirm-email", "SignIn")]
    [InlineData("GET", "/account/confirm-email", null)]
    [InlineData("POST", "/account/forgot-password", "PasswordReset")]
    [InlineData("POST", "/account/reset-password", "PasswordReset")]
    [InlineData("GET", "/certificates/verify/7KQM-2XRD-H9TB-4WNC", "CertificateCheck")]
    [InlineData("GET", "/certificates/verify", "CertificateCheck")]
    [InlineData("GET", "/account/login", null)]
    [InlineData("GET", "/account/register", null)]
    [InlineData("POST", "/account/logout", null)]
    [InlineData("POST", "/account/login-history", null)]
    [InlineData("GET", "/certificates/7KQM-2XRD-H9TB-4WNC", null)]
    public void Requests_count_against_the_limit_for_what_they_attempt(string method, string path, string? kind)
    {
        var request = new DefaultHttpContext().Request;
        request.Method = method;
        request.Path = path;

        Assert.Equal(kind, AttemptLimits.KindOf(request)?.ToString());
    }

    [Fact]
    public void Clients_are_counted_by_address_with_IPv6_by_network_and_those_without_one_together()
    {
        Assert.Equal("unknown", AttemptLimits.ClientOf(null));
        Assert.Equal("203.0.113.7", AttemptLimits.ClientOf(IPAddress.Parse("203.0.113.7")));
        Assert.Equal("203.0.113.7", AttemptLimits.ClientOf(IPAddress.Parse("::ffff:203.0.113.7")));
        Assert.NotEqual(AttemptLimits.ClientOf(IPAddress.Parse("203.0.113.7")), AttemptLimits.ClientOf(IPAddress.Parse("203.0.113.8")));
        Assert.Equal("2001:db8:1:2::/64", AttemptLimits.ClientOf(IPAddress.Parse("2001:db8:1:2:aaaa:bbbb:cccc:dddd")));
        Assert.Equal(AttemptLimits.ClientOf(IPAddress.Parse("2001:db8:1:2::1")), AttemptLimits.ClientOf(IPAddress.Parse("2001:db8:1:2:ffff::9")));
        Assert.NotEqual(AttemptLimits.ClientOf(IPAddress.Parse("2001:db8:1:2::1")), AttemptLimits.ClientOf(IPAddress.Parse("2001:db8:1:3::1")));
    }

    [Theory]
    [InlineData("60", "1 minute")]
    [InlineData("61", "2 minutes")]
    [InlineData("1", "1 minute")]
    [InlineData("300", "5 minutes")]
    [InlineData("", null)]
    [InlineData("soon", null)]
    public void The_wait_is_given_in_whole_minutes_rounded_up(string retryAfter, string? wait) =>
        Assert.Equal(wait, AttemptLimits.WaitFrom(retryAfter));

    private static Dictionary<string, string> Limits(params (string Name, string Value)[] limits) =>
        limits.Append((Name: "Window", Value: "00:05:00")).ToDictionary(l => $"RateLimiting:{l.Name}", l => l.Value);
}
