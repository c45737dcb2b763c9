using System.Net;
using TrainingPortal.Core.Security;

namespace TrainingPortal.IntegrationTests;

/// <summary>The error page keeps the status of the request it answers for.</summary>
public class ErrorPageTests
{
    [Fact]
    public async Task A_refused_form_with_a_field_named_code_is_answered_403_not_500()
    {
        await using var app = await PortalApp.StartAsync();
        await app.AccountAsync("pat.practitioner@partnership.example", "Pat", "Practitioner", [Roles.Practitioner], app.Options.AdminPassword);
        var practitioner = app.CreateBrowserlikeClient();
        await practitioner.SignInAsync("pat.practitioner@partnership.example", app.Options.AdminPassword);

        var refused = await practitioner.PostFormAsync("/workforce-groups", new Dictionary<string, string> { ["Code"] = "G9", ["Name"] = "Not allowed" }, formPage: "/");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("You do not have access to this page", await refused.Content.ReadAsStringAsync());
    }
}
