using TrainingPortal.Core.Modules;
using TrainingPortal.Core.Security;

namespace TrainingPortal.Reporting;

public sealed class Permissions : IPermissionProvider
{
    /// <summary>
    /// See and download bi-annual reports: a safeguarding lead only their own agencies' reports, a board member only
    /// the partnership's, the training unit all of them (checked in the service).
    /// </summary>
    public const string ViewReports = nameof(ViewReports);

    /// <summary>Generate (or re-generate) the reports for a period.</summary>
    public const string RunReports = nameof(RunReports);

    private static readonly Permission View = new(ViewReports, "See and download bi-annual training reports (own agency only for safeguarding leads; the partnership's for board members)");
    private static readonly Permission Run = new(RunReports, "Generate bi-annual training reports");

    public IEnumerable<Permission> GetPermissions() => [View, Run];

    public IEnumerable<PermissionStereotype> GetDefaultStereotypes() =>
    [
        new(Roles.SafeguardingLead, [View]),
        new(Roles.TrainingCoordinator, [View, Run]),
        new(Roles.BoardMember, [View]),
    ];
}
