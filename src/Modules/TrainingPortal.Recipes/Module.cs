using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TrainingPortal.Core.Modules;
using TrainingPortal.Core.Recipes;
using TrainingPortal.Recipes.Services;

namespace TrainingPortal.Recipes;

public sealed class Module : IModule
{
    public ModuleManifest Manifest { get; } = new("Recipes", "First-run set-up and JSON recipes that set modules up", "Identity");

    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<SetupState>();
        services.AddScoped<RecipeRunner>();
        services.AddScoped<SetupService>();
        services.AddScoped<IRecipeStep, SettingsRecipeStep>();
        services.AddScoped<IStartupTask, UnattendedSetup>();
    }
}
