using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Champions.Services;
using TrainingPortal.Core.Modules;

namespace TrainingPortal.Champions;

public sealed class Module : IModule
{
    public ModuleManifest Manifest { get; } = new("Champions", "The neglect champion register, seven-minute guides and the briefing logs of teams briefed on them", "Catalogue", "Agencies", "Identity");

    public IPermissionProvider Permissions { get; } = new Permissions();

    public IEnumerable<MenuItem> MenuItems =>
    [
        new("Briefings", "/briefings", Champions.Permissions.LogBriefings, 120),
    ];

    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        // Briefing logs
        services.AddScoped<BriefingScope>();
        services.AddScoped<BriefingLogs>();
        services.AddScoped<ILeadSummarySection, OverdueBriefingActions>();
        services.AddScoped<IScaleSeeder, ChampionsScaleSeeder>();
    }
}
