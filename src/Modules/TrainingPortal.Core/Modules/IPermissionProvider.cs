namespace TrainingPortal.Core.Modules;

/// <summary>A named permission. Pages and endpoints require permissions, never roles directly.</summary>
public sealed record Permission(string Name, string Description);

/// <summary>The permissions a role holds by default (the Orchard Core "stereotype").</summary>
public sealed record PermissionStereotype(string Role, IReadOnlyList<Permission> Permissions);

/// <summary>Implemented by each module's <c>Permissions</c> class.</summary>
public interface IPermissionProvider
{
    IEnumerable<Permission> GetPermissions();

    IEnumerable<PermissionStereotype> GetDefaultStereotypes();
}
