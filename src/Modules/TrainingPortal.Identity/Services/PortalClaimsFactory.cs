using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using TrainingPortal.Identity.Domain;

namespace TrainingPortal.Identity.Services;

/// <summary>Adds the person's names to the sign-in cookie so pages can greet them without a database read.</summary>
internal sealed class PortalClaimsFactory(UserManager<PortalUser> users, RoleManager<PortalRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<PortalUser, PortalRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PortalUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ClaimTypes.GivenName, user.FirstName));
        identity.AddClaim(new Claim(ClaimTypes.Surname, user.LastName));
        return identity;
    }
}
