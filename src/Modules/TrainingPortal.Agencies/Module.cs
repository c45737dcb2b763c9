using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TrainingPortal.Agencies.Jobs;
using TrainingPortal.Agencies.Recipes;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Core.Modules;
using TrainingPortal.Core.Recipes;

namespace TrainingPortal.Agencies;

public sealed class Module : IModule
{
    public ModuleManifest Manifest { get; } = new("Agencies", "Agencies, teams, workforce groups, practitioners and their memberships, staff import", "Identity", "Notifications");

    public IPermissionProvider Permissions { get; } = new Permissions();

    public IEnumerable<MenuItem> MenuItems =>
    [
        new("Agencies", "/agencies", Agencies.Permissions.ManageStaff, 100),
        new("People", "/practitioners", Agencies.Permissions.ViewAllPractitioners, 110),
        new("Workforce groups", "/workforce-groups", Agencies.Permissions.ManageWorkforceGroups, 800),
    ];

    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<AgencyScope>();
        services.AddScoped<AgencyDirectory>();
        services.AddScoped<StaffRecords>();
        services.AddScoped<WorkforceGroups>();
        services.AddScoped<PractitionerRegistration>();
        services.AddScoped<StaffInvitations>();
        services.AddScoped<TrainingPortal.Identity.Services.IAccountConfirmationHandler, RegistrationConfirmation>();
        services.AddScoped<PractitionerSearch>();
        services.AddScoped<Learners>();
        services.AddScoped<StaffImporter>();
        services.AddScoped<StaffImportReports>();
        services.AddScoped<StaffImportTemplate>();
        services.AddScoped<StaffImportJob>();
        services.AddTransient<IStartupTask, ScheduleStaffImports>();
        services.AddSingleton<ReferenceDataCache>();
        services.AddScoped<IRecipeStep, SectorsRecipeStep>();
        services.AddScoped<IRecipeStep, WorkforceGroupsRecipeStep>();
        services.AddScoped<IRecipeStep, AgenciesRecipeStep>();
        services.AddScoped<IRecipeStep, PractitionersRecipeStep>();
        services.AddScoped<IRecipeStep, UsersRecipeStep>();
        services.AddScoped<IScaleSeeder, StaffScaleSeeder>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => Api.AgencyEndpoints.Map(endpoints);
}
