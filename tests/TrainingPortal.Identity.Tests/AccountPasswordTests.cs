using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TrainingPortal.Core.Modules;
using TrainingPortal.Core.Security;
using TrainingPortal.Data;
using TrainingPortal.Identity.Domain;
using TrainingPortal.Identity.Services;
using TrainingPortal.Notifications.Domain;
using TrainingPortal.Notifications.Services;

namespace TrainingPortal.Identity.Tests;

/// <summary>The password rules as the Identity module wires them in: through UserAccounts and the real UserManager.</summary>
public sealed class AccountPasswordTests : IDisposable
{
    private readonly ModuleDatabase database = new();
    private readonly ServiceProvider services;

    public AccountPasswordTests()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["PublicBaseUrl"] = "https://training.northshire.example" }).Build();
        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddSingleton<IConfiguration>(configuration);
        collection.AddSingleton<TimeProvider>(new TestClock());
        collection.AddPortalData(new DatabaseSettings(DatabaseProvider.Sqlite, database.ConnectionString), ModuleDatabase.Sources);
        new Module().ConfigureServices(collection, configuration);
        collection.AddScoped<ICurrentUser>(_ => TestUser.Coordinator);
        collection.AddScoped<Outbox>();
        services = collection.BuildServiceProvider();
    }

    public void Dispose()
    {
        services.Dispose();
        database.Dispose();
    }

    [Fact]
    public async Task A_new_account_with_a_common_password_is_refused_on_the_password_field_and_not_created()
    {
        var result = await EnsureAccountAsync("sam.lee@northshire.example", "password1234");

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Equal(("Password", "That password is too easy to guess. Choose a different one."), (error.Field, error.Message));
        Assert.Equal(0, await CountAsync<PortalUser>());
    }

    [Fact]
    public async Task A_new_account_with_three_lower_case_words_is_created_with_no_rules_about_digits_or_symbols()
    {
        var result = await EnsureAccountAsync("sam.lee@northshire.example", "amber otter violin");

        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
        Assert.Equal(1, await CountAsync<PortalUser>());
        Assert.Equal(0, await CountAsync<OutboxMessage>());
    }

    [Fact]
    public async Task A_new_account_without_a_password_is_emailed_a_link_to_set_one()
    {
        var result = await EnsureAccountAsync("sam.lee@northshire.example", password: null);

        Assert.True(result.Succeeded);
        using var scope = services.CreateScope();
        var email = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Set<OutboxMessage>().SingleAsync();
        Assert.Equal(("sam.lee@northshire.example", "Your neglect training account"), (email.ToAddress, email.Subject));
        Assert.Contains("Set your password: https://training.northshire.example/account/reset-password?userId=", email.TextBody);
    }

    private async Task<Core.Results.OperationResult<PortalUser>> EnsureAccountAsync(string email, string? password)
    {
        using var scope = services.CreateScope();
        foreach (var task in scope.ServiceProvider.GetServices<IStartupTask>())
        {
            await task.RunAsync(CancellationToken.None);
        }

        return await scope.ServiceProvider.GetRequiredService<UserAccounts>()
            .EnsureAccountAsync(email, "Sam", "Lee", [Roles.Practitioner], password);
    }

    private async Task<int> CountAsync<T>() where T : class
    {
        using var scope = services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Set<T>().CountAsync();
    }
}
