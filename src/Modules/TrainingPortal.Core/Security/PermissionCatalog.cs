using TrainingPortal.Core.Modules;

namespace TrainingPortal.Core.Security;

/// <summary>
/// Every permission of every module, and which roles hold each one. Each permission becomes an
/// authorization policy of the same name that requires one of those roles.
/// </summary>
public sealed class PermissionCatalog
{
    private readonly Dictionary<string, HashSet<string>> rolesByPermission = new(StringComparer.Ordinal);

    public PermissionCatalog(IEnumerable<IPermissionProvider> providers)
    {
        foreach (var provider in providers)
        {
            foreach (var permission in provider.GetPermissions())
            {
                rolesByPermission.TryAdd(permission.Name, new HashSet<string>(StringComparer.Ordinal) { Roles.Administrator });
            }
            foreach (var stereotype in provider.GetDefaultStereotypes())
            {
                foreach (var permission in stereotype.Permissions)
                {
                    if (!rolesByPermission.TryGetValue(permission.Name, out var roles))
                    {
                        throw new InvalidOperationException($"Stereotype for {stereotype.Role} names undeclared permission {permission.Name}.");
                    }
                    roles.Add(stereotype.Role);
                }
            }
        }
    }

    public IEnumerable<string> Permissions => rolesByPermission.Keys;

    /// <summary>The roles holding a permission. Administrators hold every permission.</summary>
    public IReadOnlyCollection<string> RolesFor(string permission) =>
        rolesByPermission.TryGetValue(permission, out var roles) ? roles : throw new KeyNotFoundException($"Unknown permission {permission}.");
}
