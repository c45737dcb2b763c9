using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;

namespace TrainingPortal.IntegrationTests;

public class ApiTests
{
    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task An_HR_feed_client_gets_a_token_with_client_credentials_and_lists_agencies(TestDatabase database)
    {
        await using var app = await PortalApp.StartAsync(new PortalAppOptions { Database = database, Recipe = "demo" });
        var admin = app.CreateBrowserlikeClient();
        await admin.SignInAsync(app.Options.AdminEmail, app.Options.AdminPassword);
        var registered = await admin.PostFormAsync("/admin/api-clients", new Dictionary<string, string>
        {
            ["DisplayName"] = "Northshire Police HR feed",
            ["ClientId"] = "Police-HR",
        });
        var secret = System.Text.RegularExpressions.Regex.Match(await registered.Content.ReadAsStringAsync(), "<code class=\"portal-secret\">([^<]+)</code>").Groups[1].Value;
        Assert.NotEmpty(secret);
        var client = app.CreateClient();

        var token = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "police-hr",
            ["client_secret"] = secret,
            ["scope"] = "portal_api",
        }));
        Assert.True(token.IsSuccessStatusCode, await token.Content.ReadAsStringAsync());
        var accessToken = (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString();

        var request = new HttpRequestMessage(HttpMethod.Get, "/api/agencies");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        var agencies = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, agencies.StatusCode);
        var list = await agencies.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(12, list.GetArrayLength());
        Assert.Contains(list.EnumerateArray(), a => a.GetProperty("name").GetString() == "Northshire Police" && a.GetProperty("currentStaff").GetInt32() > 0);

        await admin.PostFormAsync("/admin/api-clients?handler=Remove", new Dictionary<string, string> { ["remove"] = "police-hr" }, formPage: "/admin/api-clients");
        var afterRemoval = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "police-hr",
            ["client_secret"] = secret,
            ["scope"] = "portal_api",
        }));
        Assert.False(afterRemoval.IsSuccessStatusCode);
    }

    [Fact]
    public async Task A_wrong_client_secret_gets_no_token_and_no_token_gets_no_data()
    {
        await using var app = await PortalApp.StartAsync();
        await RegisterClientAsync(app, "bi-tool", "the-right-secret-value-123");
        var client = app.CreateClient();

        var token = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "bi-tool",
            ["client_secret"] = "a-guess",
        }));
        Assert.Equal(HttpStatusCode.Unauthorized, token.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/agencies")).StatusCode);
    }

    [Fact]
    public async Task Unknown_API_addresses_answer_with_problem_details_not_a_page()
    {
        await using var app = await PortalApp.StartAsync();
        var client = app.CreateBrowserlikeClient();
        await client.SignInAsync(app.Options.AdminEmail, app.Options.AdminPassword);

        var missing = await client.GetAsync($"/api/agencies/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        var nowhere = await client.GetAsync("/api/no-such-thing");
        Assert.Equal(HttpStatusCode.NotFound, nowhere.StatusCode);
        Assert.Equal("application/problem+json", nowhere.Content.Headers.ContentType?.MediaType);
    }

    private static Task RegisterClientAsync(PortalApp app, string clientId, string secret) => app.InScopeAsync(async services =>
    {
        var applications = services.GetRequiredService<IOpenIddictApplicationManager>();
        await applications.CreateAsync(new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = secret,
            DisplayName = clientId,
            ClientType = OpenIddictConstants.ClientTypes.Confidential,
            Permissions =
            {
                OpenIddictConstants.Permissions.Endpoints.Token,
                OpenIddictConstants.Permissions.GrantTypes.ClientCredentials,
                OpenIddictConstants.Permissions.Prefixes.Scope + "portal_api",
            },
        });
    });
}
