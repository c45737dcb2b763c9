using TrainingPortal.Core.Modules;

namespace TrainingPortal.Web.Composition;

/// <summary>
/// Every module the host knows, in dependency order. <c>Modules:Disabled</c> switches modules off; the database
/// model always includes every module so that it matches the migrations.
/// </summary>
public static class ModuleCatalog
{
    public static IReadOnlyList<IModule> All { get; } =
    [
        new Notifications.Module(),
        new Identity.Module(),
        new Agencies.Module(),
        new Catalogue.Module(),
        new Sessions.Module(),
        new Compliance.Module(),
        new Champions.Module(),
        new Evaluation.Module(),
        new Tna.Module(),
        new Reporting.Module(),
        new Recipes.Module(),
    ];

    public static IReadOnlyList<IModule> Enabled(IConfiguration configuration)
    {
        var disabled = configuration.GetSection("Modules:Disabled").Get<string[]>() ?? [];
        var enabled = All.Where(m => !disabled.Contains(m.Manifest.Name, StringComparer.OrdinalIgnoreCase)).ToList();
        foreach (var module in enabled)
        {
            var missing = module.Manifest.Dependencies.Where(d => enabled.All(e => e.Manifest.Name != d)).ToList();
            if (missing.Count > 0)
            {
                throw new InvalidOperationException($"Module {module.Manifest.Name} needs {string.Join(", ", missing)}, which is disabled.");
            }
        }
        return enabled;
    }
}
