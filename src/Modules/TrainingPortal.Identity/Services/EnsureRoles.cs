using Microsoft.AspNetCore.Identity;
using TrainingPortal.Core.Modules;
using TrainingPortal.Core.Security;
using TrainingPortal.Identity.Domain;

namespace TrainingPortal.Identity.Services;

/// <summary>Creates the roles of docs/domain.md at start-up when they are missing.</summary>
internal sealed class EnsureRoles(RoleManager<PortalRole> roles) : IStartupTask
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                var result = await roles.CreateAsync(new PortalRole(role));
                // Another instance starting at the same moment may have created it: only a real failure matters.
                if (!result.Succeeded && !await roles.RoleExistsAsync(role))
                {
                    throw new InvalidOperationException($"Could not create role {role}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
                }
            }
        }
    }
}
