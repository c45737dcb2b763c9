using TrainingPortal.Core.Modules;
using TrainingPortal.Core.Security;

namespace TrainingPortal.Catalogue;

public sealed class Permissions : IPermissionProvider
{
    /// <summary>Browse the catalogue, take e-learning, see one's own learning and certificates.</summary>
    public const string Learn = nameof(Learn);

    /// <summary>Create, change, publish and retire courses; see courses due for review.</summary>
    public const string ManageCourses = nameof(ManageCourses);

    /// <summary>Accept or reject training done elsewhere.</summary>
    public const string ApproveExternalTraining = nameof(ApproveExternalTraining);

    private static readonly Permission LearnPermission = new(Learn, "Browse courses, take e-learning, keep a learning record");
    private static readonly Permission ManageCoursesPermission = new(ManageCourses, "Run the course catalogue");
    private static readonly Permission ApprovePermission = new(ApproveExternalTraining, "Approve training done elsewhere");

    public IEnumerable<Permission> GetPermissions() => [LearnPermission, ManageCoursesPermission, ApprovePermission];

    public IEnumerable<PermissionStereotype> GetDefaultStereotypes() =>
    [
        new(Roles.Practitioner, [LearnPermission]),
        new(Roles.NeglectChampion, [LearnPermission]),
        new(Roles.SafeguardingLead, [LearnPermission]),
        new(Roles.Trainer, [LearnPermission]),
        new(Roles.TrainingCoordinator, [LearnPermission, ManageCoursesPermission, ApprovePermission]),
    ];
}
