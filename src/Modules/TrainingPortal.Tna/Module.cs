using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TrainingPortal.Core.Modules;
using TrainingPortal.Core.Recipes;
using TrainingPortal.Tna.Recipes;
using TrainingPortal.Tna.Services;

namespace TrainingPortal.Tna;

public sealed class Module : IModule
{
    public ModuleManifest Manifest { get; } = new("Tna", "The yearly training needs analysis: each agency's figures per course and workforce group, and the partnership's gap against the places scheduled", "Compliance", "Sessions", "Agencies", "Identity", "Notifications");

    public IPermissionProvider Permissions { get; } = new Permissions();

    public IEnumerable<MenuItem> MenuItems =>
    [
        new("Training needs", "/tna", Tna.Permissions.ViewTrainingNeeds, 645),
    ];

    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<TrainingNeedsCalculator>();
        services.AddScoped<TnaCycle>();
        services.AddScoped<TnaSubmissions>();
        services.AddScoped<TnaGap>();
        services.AddScoped<TnaExport>();
        services.AddScoped<TnaMail>();
        services.AddScoped<IRecipeStep, TnaRecipeStep>();
    }
}
