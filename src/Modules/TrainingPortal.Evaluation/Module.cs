using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TrainingPortal.Core.Modules;
using TrainingPortal.Core.Recipes;
using TrainingPortal.Evaluation.Jobs;
using TrainingPortal.Evaluation.Recipes;
using TrainingPortal.Evaluation.Services;

namespace TrainingPortal.Evaluation;

public sealed class Module : IModule
{
    public ModuleManifest Manifest { get; } = new("Evaluation", "Practitioners' evaluation of the training they complete and the follow-up months later that asks whether practice changed", "Catalogue", "Agencies", "Identity", "Notifications");

    public IPermissionProvider Permissions { get; } = new Permissions();

    public IEnumerable<MenuItem> MenuItems =>
    [
        new("Evaluation", "/evaluation/results", EvaluationResultsAccess.Policy, 665),
    ];

    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(EvaluationResultsAccess.Policy, policy => policy.RequireAuthenticatedUser().AddRequirements(new EvaluationResultsAccess(
                Evaluation.Permissions.ViewCourseEvaluations, Evaluation.Permissions.ViewAgencyEvaluations, Evaluation.Permissions.ViewPartnershipEvaluations)))
            .AddPolicy(EvaluationResultsAccess.AgencyPolicy, policy => policy.RequireAuthenticatedUser().AddRequirements(new EvaluationResultsAccess(
                Evaluation.Permissions.ViewCourseEvaluations, Evaluation.Permissions.ViewAgencyEvaluations)));
        services.AddTransient<IAuthorizationHandler, EvaluationResultsAccessHandler>();
        services.AddScoped<EvaluationResults>();
        services.AddScoped<EvaluationMail>();
        services.AddScoped<EvaluationInvitations>();
        services.AddScoped<EvaluationForms>();
        services.AddScoped<PractitionerEvaluations>();
        services.AddScoped<EvaluationSettingsEditor>();
        services.AddScoped<TrainingPortal.Catalogue.Services.ILearningRecordLinks, EvaluationLearningLinks>();
        services.AddScoped<TrainingPortal.Catalogue.Services.ICertificateHold, EvaluationCertificateHold>();
        services.AddScoped<EvaluationInvitationJob>();
        services.AddScoped<EvaluationFollowUpJob>();
        services.AddTransient<IStartupTask, ScheduleEvaluationJobs>();
        services.AddScoped<IRecipeStep, EvaluationRecipeStep>();
        services.AddScoped<IScaleSeeder, EvaluationScaleSeeder>();
    }
}
