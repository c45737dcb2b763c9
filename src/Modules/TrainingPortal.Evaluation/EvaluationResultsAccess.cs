using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace TrainingPortal.Evaluation;

/// <summary>
/// A results page anyone holding one of <see cref="Permissions"/> may open; the page and <c>EvaluationResults</c> show
/// each what they may see. <see cref="Policy"/> is the results index (course, agency or partnership results);
/// <see cref="AgencyPolicy"/> an agency's page (a lead's own agencies, or the training unit's any).
/// </summary>
public sealed class EvaluationResultsAccess(params string[] permissions) : IAuthorizationRequirement
{
    public const string Policy = "EvaluationResults";

    public const string AgencyPolicy = "AgencyEvaluationResults";

    public IReadOnlyList<string> Permissions { get; } = permissions;
}

internal sealed class EvaluationResultsAccessHandler(IServiceProvider services) : AuthorizationHandler<EvaluationResultsAccess>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, EvaluationResultsAccess requirement)
    {
        // Resolved here, not injected: the authorization service is built from the handlers, this one included.
        var authorization = services.GetRequiredService<IAuthorizationService>();
        foreach (var permission in requirement.Permissions)
        {
            if ((await authorization.AuthorizeAsync(context.User, permission)).Succeeded)
            {
                context.Succeed(requirement);
                return;
            }
        }
    }
}
