using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TrainingPortal.Compliance.Jobs;
using TrainingPortal.Compliance.Recipes;
using TrainingPortal.Compliance.Services;
using TrainingPortal.Core.Modules;
using TrainingPortal.Core.Recipes;
using TrainingPortal.Notifications.Services;

namespace TrainingPortal.Compliance;

public sealed class Module : IModule
{
    public ModuleManifest Manifest { get; } = new("Compliance", "Training requirements per workforce group, compliance statuses, lead dashboards, the partnership heatmap and reminders", "Catalogue", "Agencies", "Identity", "Notifications");

    public IPermissionProvider Permissions { get; } = new Permissions();

    public IEnumerable<MenuItem> MenuItems =>
    [
        new("What I need", "/what-i-need", Compliance.Permissions.SeeOwnRequirements, 15),
        new("Compliance", "/compliance", Compliance.Permissions.ViewAgencyCompliance, 105),
        new("Partnership compliance", "/compliance/partnership", Compliance.Permissions.ViewPartnershipCompliance, 660),
        new("Requirements", "/compliance/requirements", Compliance.Permissions.ManageRequirements, 810),
    ];

    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<ComplianceCalculator>();
        services.AddScoped<ComplianceDashboard>();
        services.AddScoped<RequirementEditor>();
        services.AddScoped<ComplianceMail>();
        services.AddScoped<ComplianceReminders>();
        services.AddScoped<ComplianceExport>();
        services.AddSingleton<TrainingPortal.Agencies.Services.IStaffRecordLink, ComplianceLink>();
        services.AddScoped<INotificationTopics, ComplianceNotificationTopics>();
        services.AddScoped<ComplianceReminderJob>();
        services.AddScoped<ComplianceDigestJob>();
        services.AddTransient<IStartupTask, ScheduleComplianceEmails>();
        services.AddScoped<IRecipeStep, RequirementsRecipeStep>();
        services.AddScoped<ComplianceTrend>();
        services.AddScoped<ComplianceSnapshotJob>();
        services.AddTransient<IStartupTask, ScheduleComplianceSnapshots>();
    }
}

/// <summary>Links a member of staff's record to their compliance.</summary>
internal sealed class ComplianceLink : TrainingPortal.Agencies.Services.IStaffRecordLink
{
    public string Text => "Compliance";

    public string Url(Guid agencyId, Guid practitionerId) => $"/compliance/agencies/{agencyId}/practitioners/{practitionerId}";
}
