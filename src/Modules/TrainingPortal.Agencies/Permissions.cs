using TrainingPortal.Core.Modules;
using TrainingPortal.Core.Security;

namespace TrainingPortal.Agencies;

public sealed class Permissions : IPermissionProvider
{
    /// <summary>Create and change agencies, teams and their safeguarding leads.</summary>
    public const string ManageAgencies = nameof(ManageAgencies);

    /// <summary>See agencies and manage staff records; a safeguarding lead only for their own agencies (checked by <see cref="Services.AgencyScope"/>).</summary>
    public const string ManageStaff = nameof(ManageStaff);

    /// <summary>Search everybody across agencies (the training unit).</summary>
    public const string ViewAllPractitioners = nameof(ViewAllPractitioners);

    public const string ManageWorkforceGroups = nameof(ManageWorkforceGroups);

    private static readonly Permission ManageAgenciesPermission = new(ManageAgencies, "Create and change agencies, teams and safeguarding leads");
    private static readonly Permission ManageStaffPermission = new(ManageStaff, "Manage staff records (own agency only for safeguarding leads)");
    private static readonly Permission ViewAllPractitionersPermission = new(ViewAllPractitioners, "Search practitioners across every agency");
    private static readonly Permission ManageWorkforceGroupsPermission = new(ManageWorkforceGroups, "Set up workforce groups");

    public IEnumerable<Permission> GetPermissions() =>
        [ManageAgenciesPermission, ManageStaffPermission, ViewAllPractitionersPermission, ManageWorkforceGroupsPermission];

    public IEnumerable<PermissionStereotype> GetDefaultStereotypes() =>
    [
        new(Roles.TrainingCoordinator, [ManageAgenciesPermission, ManageStaffPermission, ViewAllPractitionersPermission, ManageWorkforceGroupsPermission]),
        new(Roles.SafeguardingLead, [ManageStaffPermission]),
    ];
}
