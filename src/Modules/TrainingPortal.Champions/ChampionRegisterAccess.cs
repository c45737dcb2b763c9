using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace TrainingPortal.Champions;

/// <summary>
/// The partnership register page is for whoever may nominate champions (leads, the training unit) or see the figures
/// (the board): either permission lets them in, and the page shows what each may see.
/// </summary>
public sealed class ChampionRegisterAccess : IAuthorizationRequirement
{
    public const string Policy = "ChampionRegister";
}

internal sealed class ChampionRegisterAccessHandler(IServiceProvider services) : AuthorizationHandler<ChampionRegisterAccess>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, ChampionRegisterAccess requirement)
    {
        // Resolved here, not injected: the authorization service is built from the handlers, this one included.
        var authorization = services.GetRequiredService<IAuthorizationService>();
        foreach (var permission in new[] { Permissions.NominateChampions, Permissions.ViewChampionFigures })
        {
            if ((await authorization.AuthorizeAsync(context.User, permission)).Succeeded)
            {
                context.Succeed(requirement);
                return;
            }
        }
    }
}
