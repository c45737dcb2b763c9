using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TrainingPortal.Core.Modules;
using TrainingPortal.Core.Security;
using TrainingPortal.Data;
using TrainingPortal.Identity.Domain;
using TrainingPortal.Identity.Services;
using TrainingPortal.Notifications.Services;

namespace TrainingPortal.Identity.Tests;

/// <summary>
/// The links the portal emails: each works for one account, one purpose and one use, for 24 hours by the portal's
/// clock; following an invitation proves the address and tells the modules that link records to it.
/// </summary>
public sealed class EmailLinkTests : IDisposable
{
    private readonly ModuleDatabase database = new();
    private readonly TestClock clock = new(new DateTimeOffset(2027, 6, 15, 9, 0, 0, TimeSpan.Zero));
    private readonly List<Guid> confirmed = [];
    private readonly ServiceProvider services;

    public EmailLinkTests()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["PublicBaseUrl"] = "https://training.northshire.example" }).Build();
        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddSingleton<IConfiguration>(configuration);
        collection.AddSingleton<TimeProvider>(clock);
        collection.AddPortalData(new DatabaseSettings(DatabaseProvider.Sqlite, database.ConnectionString), ModuleDatabase.Sources);
        new Module().ConfigureServices(collection, configuration);
        collection.AddScoped<ICurrentUser>(_ => TestUser.Coordinator);
        collection.AddScoped<Outbox>();
        collection.AddScoped<IAccountConfirmationHandler>(_ => new RecordingHandler(confirmed));
        services = collection.BuildServiceProvider();
    }

    public void Dispose()
    {
        services.Dispose();
        database.Dispose();
    }

    [Fact]
    public async Task A_link_works_for_its_own_account_and_purpose_until_24_hours_have_passed()
    {
        var sam = await AccountAsync("sam.lee@northshire.example");
        var ali = await AccountAsync("ali.khan@northshire.example");
        var token = await TokenAsync(sam, UserManager<PortalUser>.ResetPasswordTokenPurpose);

        clock.Advance(TimeSpan.FromHours(24) - TimeSpan.FromMinutes(1));

        Assert.True(await VerifyAsync(sam, UserManager<PortalUser>.ResetPasswordTokenPurpose, token));
        Assert.False(await VerifyAsync(ali, UserManager<PortalUser>.ResetPasswordTokenPurpose, token));
        Assert.False(await VerifyAsync(sam, UserManager<PortalUser>.ConfirmEmailTokenPurpose, token));
        Assert.False(await VerifyAsync(sam, UserManager<PortalUser>.ResetPasswordTokenPurpose, token[..^2] + "xx"));
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.False(await VerifyAsync(sam, UserManager<PortalUser>.ResetPasswordTokenPurpose, token));
    }

    [Fact]
    public async Task An_invitation_proves_the_address_once_and_tells_the_modules_that_link_records()
    {
        var sam = await AccountAsync("sam.lee@northshire.example");
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await TokenAsync(sam, UserManager<PortalUser>.ResetPasswordTokenPurpose)));
        Assert.False((await FindAsync(sam)).EmailConfirmed);

        var first = await AccountsAsync(a => a.ResetPasswordAsync(sam, code, "amber-otter-violin-22"));
        var second = await AccountsAsync(a => a.ResetPasswordAsync(sam, code, "someone-elses-choice-33"));

        Assert.True(first.Succeeded);
        Assert.True((await FindAsync(sam)).EmailConfirmed);
        Assert.Equal([sam], confirmed);
        Assert.Equal(UserAccounts.LinkNotValid, Assert.Single(second.Errors).Message);
    }

    [Fact]
    public async Task Confirming_a_registration_needs_the_password_chosen_then_and_the_link_works_once()
    {
        var pat = await AccountAsync("pat.new@northshire.example", "meadow-lantern-quill-58");
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await TokenAsync(pat, UserManager<PortalUser>.ConfirmEmailTokenPurpose)));

        var wrong = await AccountsAsync(a => a.ConfirmEmailAsync(pat, code, "a-guess-at-it-11"));
        Assert.Contains("not the one you chose", Assert.Single(wrong.Errors).Message);
        Assert.Empty(confirmed);

        var right = await AccountsAsync(a => a.ConfirmEmailAsync(pat, code, "meadow-lantern-quill-58"));
        var again = await AccountsAsync(a => a.ConfirmEmailAsync(pat, code, "meadow-lantern-quill-58"));

        Assert.True(right.Succeeded);
        Assert.Equal([pat], confirmed);
        Assert.Contains("already been confirmed", Assert.Single(again.Errors).Message);
    }

    /// <summary>An account as a coordinator makes it (no password), or, with a password, as registration leaves it: unconfirmed either way.</summary>
    private async Task<Guid> AccountAsync(string email, string? password = null)
    {
        using var scope = services.CreateScope();
        foreach (var task in scope.ServiceProvider.GetServices<IStartupTask>())
        {
            await task.RunAsync(CancellationToken.None);
        }
        var result = await scope.ServiceProvider.GetRequiredService<UserAccounts>().EnsureAccountAsync(email, "Sam", "Lee", [Roles.Practitioner], password);
        Assert.True(result.Succeeded);
        if (password is not null)
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var user = await users.FindByIdAsync(result.Value!.Id.ToString());
            user!.EmailConfirmed = false;
            await users.UpdateAsync(user);
        }
        return result.Value!.Id;
    }

    private async Task<string> TokenAsync(Guid userId, string purpose)
    {
        using var scope = services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.FindByIdAsync(userId.ToString());
        return purpose == UserManager<PortalUser>.ConfirmEmailTokenPurpose
            ? await users.GenerateEmailConfirmationTokenAsync(user!)
            : await users.GeneratePasswordResetTokenAsync(user!);
    }

    private async Task<bool> VerifyAsync(Guid userId, string purpose, string token)
    {
        using var scope = services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        return await users.VerifyUserTokenAsync((await users.FindByIdAsync(userId.ToString()))!, EmailLinkTokenProvider.ProviderName, purpose, token);
    }

    private async Task<PortalUser> FindAsync(Guid userId)
    {
        using var scope = services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().FindByIdAsync(userId.ToString()))!;
    }

    private async Task<T> AccountsAsync<T>(Func<UserAccounts, Task<T>> work)
    {
        using var scope = services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<UserAccounts>());
    }

    private sealed class RecordingHandler(List<Guid> confirmed) : IAccountConfirmationHandler
    {
        public Task AccountConfirmedAsync(PortalUser user, CancellationToken cancellationToken)
        {
            confirmed.Add(user.Id);
            return Task.CompletedTask;
        }
    }
}
