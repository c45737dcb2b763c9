using TrainingPortal.Core.Modules;
using TrainingPortal.Core.Security;

namespace TrainingPortal.Identity;

public sealed class Permissions : IPermissionProvider
{
    public static readonly Permission ManageUsers = new("ManageUsers", "Create accounts, change roles, unlock accounts");
    public static readonly Permission ManageApiClients = new("ManageApiClients", "Register API clients (HR feeds, BI tools)");

    public IEnumerable<Permission> GetPermissions() => [ManageUsers, ManageApiClients];

    public IEnumerable<PermissionStereotype> GetDefaultStereotypes() =>
    [
        new(Roles.Administrator, [ManageUsers, ManageApiClients]),
    ];
}
