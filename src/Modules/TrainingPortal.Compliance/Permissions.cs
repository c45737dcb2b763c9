using TrainingPortal.Core.Modules;
using TrainingPortal.Core.Security;

namespace TrainingPortal.Compliance;

public sealed class Permissions : IPermissionProvider
{
    /// <summary>See one's own requirements ("What I need").</summary>
    public const string SeeOwnRequirements = nameof(SeeOwnRequirements);

    /// <summary>See an agency's compliance dashboard, export it and remind its staff; a safeguarding lead only for their own agencies.</summary>
    public const string ViewAgencyCompliance = nameof(ViewAgencyCompliance);

    /// <summary>See partnership-wide figures: the heatmap and the trend. No names.</summary>
    public const string ViewPartnershipCompliance = nameof(ViewPartnershipCompliance);

    /// <summary>Set which courses each workforce group requires, and the due-soon window.</summary>
    public const string ManageRequirements = nameof(ManageRequirements);

    private static readonly Permission SeeOwn = new(SeeOwnRequirements, "See what training I need");
    private static readonly Permission ViewAgency = new(ViewAgencyCompliance, "See and export an agency's compliance and remind its staff (own agency only for safeguarding leads)");
    private static readonly Permission ViewPartnership = new(ViewPartnershipCompliance, "See partnership-wide compliance figures");
    private static readonly Permission Manage = new(ManageRequirements, "Set training requirements");

    public IEnumerable<Permission> GetPermissions() => [SeeOwn, ViewAgency, ViewPartnership, Manage];

    public IEnumerable<PermissionStereotype> GetDefaultStereotypes() =>
    [
        new(Roles.Practitioner, [SeeOwn]),
        new(Roles.NeglectChampion, [SeeOwn]),
        new(Roles.SafeguardingLead, [SeeOwn, ViewAgency]),
        new(Roles.Trainer, [SeeOwn]),
        new(Roles.TrainingCoordinator, [SeeOwn, ViewAgency, ViewPartnership, Manage]),
        new(Roles.BoardMember, [ViewPartnership]),
    ];
}
