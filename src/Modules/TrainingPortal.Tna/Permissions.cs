using TrainingPortal.Core.Modules;
using TrainingPortal.Core.Security;

namespace TrainingPortal.Tna;

public sealed class Permissions : IPermissionProvider
{
    /// <summary>Open the training needs analysis pages: a lead their agencies' tasks, the board and training unit the years.</summary>
    public const string ViewTrainingNeeds = nameof(ViewTrainingNeeds);

    /// <summary>Fill in and submit an agency's figures (a lead for the agencies they lead; the training unit for any).</summary>
    public const string SubmitTrainingNeeds = nameof(SubmitTrainingNeeds);

    /// <summary>See the partnership's needs against the places scheduled, and download them. Figures only, no names.</summary>
    public const string ViewPartnershipTrainingNeeds = nameof(ViewPartnershipTrainingNeeds);

    /// <summary>Open a TNA year and reopen an agency's submission.</summary>
    public const string RunTrainingNeedsAnalysis = nameof(RunTrainingNeedsAnalysis);

    private static readonly Permission View = new(ViewTrainingNeeds, "Open the training needs analysis");
    private static readonly Permission Submit = new(SubmitTrainingNeeds, "Fill in and submit an agency's training needs figures");
    private static readonly Permission Partnership = new(ViewPartnershipTrainingNeeds, "See the partnership's training needs and the gap in places");
    private static readonly Permission Run = new(RunTrainingNeedsAnalysis, "Open a training needs analysis year and reopen submissions");

    public IEnumerable<Permission> GetPermissions() => [View, Submit, Partnership, Run];

    public IEnumerable<PermissionStereotype> GetDefaultStereotypes() =>
    [
        new(Roles.SafeguardingLead, [View, Submit]),
        new(Roles.TrainingCoordinator, [View, Submit, Partnership, Run]),
        new(Roles.BoardMember, [View, Partnership]),
    ];
}
