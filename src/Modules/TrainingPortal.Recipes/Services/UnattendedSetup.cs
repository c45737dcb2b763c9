using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using TrainingPortal.Core.Modules;

namespace TrainingPortal.Recipes.Services;

/// <summary>Sets the portal up at start-up from <c>Setup:*</c> settings, when they are given and it is not set up yet.</summary>
internal sealed class UnattendedSetup(SetupService setup, IConfiguration configuration, ILogger<UnattendedSetup> logger) : IStartupTask
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var section = configuration.GetSection("Setup");
        if (string.IsNullOrWhiteSpace(section["Recipe"]) || await setup.IsSetUpAsync(cancellationToken))
        {
            return;
        }
        var result = await setup.SetUpAsync(new SetupInput
        {
            Recipe = section["Recipe"],
            PartnershipName = section["PartnershipName"] ?? "Safeguarding Children Partnership",
            AdminEmail = section["AdminEmail"],
            AdminPassword = section["AdminPassword"],
            AdminFirstName = section["AdminFirstName"] ?? "Portal",
            AdminLastName = section["AdminLastName"] ?? "Administrator",
        }, cancellationToken);
        if (!result.Succeeded && await setup.IsSetUpAsync(cancellationToken))
        {
            return;
        }
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Unattended set-up failed: " + string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Message}")));
        }
        logger.LogInformation("Set up the portal with the {Recipe} recipe", section["Recipe"]);
    }
}
