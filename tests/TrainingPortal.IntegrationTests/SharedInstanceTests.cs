using System.Net;

namespace TrainingPortal.IntegrationTests;

/// <summary>Two copies of the app on one PostgreSQL database behave as one site.</summary>
public class SharedInstanceTests
{
    [Fact]
    public async Task A_sign_in_on_one_instance_is_honoured_by_another_sharing_the_database()
    {
        await using var first = await PortalApp.StartAsync(new PortalAppOptions { Database = TestDatabase.PostgreSql });
        await using var second = await PortalApp.StartAsync(new PortalAppOptions { Database = TestDatabase.PostgreSql, ConnectionString = first.ConnectionString });
        var client = first.CreateBrowserlikeClient();
        var signIn = await client.SignInAsync(first.Options.AdminEmail, first.Options.AdminPassword);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("TrainingPortal.Auth="));

        var other = second.CreateBrowserlikeClient();
        var request = new HttpRequestMessage(HttpMethod.Get, "/admin/users");
        request.Headers.Add("Cookie", cookie.Split(';')[0]);
        var response = await other.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(first.Options.AdminEmail, await response.Content.ReadAsStringAsync());
    }
}
