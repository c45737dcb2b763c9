using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Champions.Jobs;
using TrainingPortal.Champions.Recipes;
using TrainingPortal.Champions.Services;
using TrainingPortal.Core.Modules;
using TrainingPortal.Core.Recipes;

namespace TrainingPortal.Champions;

public sealed class Module : IModule
{
    public ModuleManifest Manifest { get; } = new("Champions", "The neglect champion register, seven-minute guides and the briefing logs of teams briefed on them", "Catalogue", "Agencies", "Identity", "Notifications");

    public IPermissionProvider Permissions { get; } = new Permissions();

    public IEnumerable<MenuItem> MenuItems =>
    [
        new("Seven-minute guides", "/guides", Champions.Permissions.ReadGuides, 40),
        new("Champions", "/champions", ChampionRegisterAccess.Policy, 115),
        new("Briefings", "/briefings", Champions.Permissions.LogBriefings, 120),
    ];

    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        // Champion register
        services.AddAuthorizationBuilder().AddPolicy(ChampionRegisterAccess.Policy, policy => policy.RequireAuthenticatedUser().AddRequirements(new ChampionRegisterAccess()));
        services.AddTransient<IAuthorizationHandler, ChampionRegisterAccessHandler>();
        services.AddScoped<ChampionRoles>();
        services.AddScoped<ChampionMail>();
        services.AddScoped<ChampionRegister>();
        services.AddScoped<ChampionExport>();
        services.AddScoped<ChampionLapseJob>();
        services.AddTransient<IStartupTask, ScheduleChampionLapses>();

        // Seven-minute guides
        services.AddScoped<GuideLibrary>();
        services.AddScoped<GuideEditor>();
        services.AddScoped<GuideReview>();
        services.AddScoped<GuideMail>();
        services.AddScoped<GuideReviewReminderJob>();
        services.AddTransient<IStartupTask, ScheduleGuideReviewReminders>();

        // Briefing logs
        services.AddScoped<BriefingScope>();
        services.AddScoped<BriefingLogs>();
        services.AddScoped<ILeadSummarySection, OverdueBriefingActions>();
        services.AddScoped<IScaleSeeder, ChampionsScaleSeeder>();
        services.AddScoped<IRecipeStep, ChampionsRecipeStep>();
    }
}
