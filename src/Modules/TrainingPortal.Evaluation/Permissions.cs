using TrainingPortal.Core.Modules;
using TrainingPortal.Core.Security;

namespace TrainingPortal.Evaluation;

public sealed class Permissions : IPermissionProvider
{
    /// <summary>Evaluate one's own completed training and answer its follow-up.</summary>
    public const string AnswerEvaluations = nameof(AnswerEvaluations);

    /// <summary>See results per course and version: averages, distributions and comments (no names).</summary>
    public const string ViewCourseEvaluations = nameof(ViewCourseEvaluations);

    /// <summary>See a safeguarding lead's own agencies' figures: totals only, nothing for fewer than five responses.</summary>
    public const string ViewAgencyEvaluations = nameof(ViewAgencyEvaluations);

    /// <summary>See the partnership's figures: totals only.</summary>
    public const string ViewPartnershipEvaluations = nameof(ViewPartnershipEvaluations);

    /// <summary>Change the evaluation settings (certificate hold, follow-up interval).</summary>
    public const string ManageEvaluationSettings = nameof(ManageEvaluationSettings);

    private static readonly Permission Answer = new(AnswerEvaluations, "Evaluate your own training and answer its follow-up");
    private static readonly Permission Courses = new(ViewCourseEvaluations, "See evaluation results per course, with comments");
    private static readonly Permission Agency = new(ViewAgencyEvaluations, "See your agency's evaluation totals (five or more responses)");
    private static readonly Permission Partnership = new(ViewPartnershipEvaluations, "See the partnership's evaluation totals");
    private static readonly Permission Settings = new(ManageEvaluationSettings, "Change the evaluation settings");

    public IEnumerable<Permission> GetPermissions() => [Answer, Courses, Agency, Partnership, Settings];

    public IEnumerable<PermissionStereotype> GetDefaultStereotypes() =>
    [
        new(Roles.Practitioner, [Answer]),
        new(Roles.NeglectChampion, [Answer]),
        new(Roles.SafeguardingLead, [Answer, Agency]),
        new(Roles.Trainer, [Answer]),
        new(Roles.TrainingCoordinator, [Answer, Courses, Partnership, Settings]),
        new(Roles.BoardMember, [Partnership]),
    ];
}
