using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using TrainingPortal.Core.Recipes;

namespace TrainingPortal.Recipes.Services;

/// <summary>A recipe file offered at set-up.</summary>
public sealed record RecipeDescriptor(string Name, string DisplayName, string Description, string Path);

/// <summary>
/// Reads JSON recipes from the recipes folder (<c>Recipes:Path</c>, by default <c>content-recipes</c> beside the
/// application) and applies their steps in order through the modules' <see cref="IRecipeStep"/>s.
/// </summary>
public sealed class RecipeRunner(IEnumerable<IRecipeStep> steps, IConfiguration configuration, ILogger<RecipeRunner> logger)
{
    private const int MaxIncludeDepth = 5;

    public string Folder => configuration["Recipes:Path"] is { Length: > 0 } path ? path : Path.Combine(AppContext.BaseDirectory, "content-recipes");

    /// <summary>Recipes with a display name, for the set-up page (included-only recipes have none).</summary>
    public IReadOnlyList<RecipeDescriptor> Available()
    {
        if (!Directory.Exists(Folder))
        {
            return [];
        }
        var recipes = new List<RecipeDescriptor>();
        foreach (var file in Directory.EnumerateFiles(Folder, "*.recipe.json"))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            var root = document.RootElement;
            if (root.TryGetProperty("displayName", out var displayName))
            {
                recipes.Add(new RecipeDescriptor(
                    NameOf(file), displayName.GetString()!,
                    root.TryGetProperty("description", out var d) ? d.GetString() ?? "" : "", file));
            }
        }
        return recipes.OrderBy(r => r.Name == "demo").ThenBy(r => r.DisplayName).ToList();
    }

    public bool Exists(string name) => File.Exists(PathOf(name));

    /// <summary>Applies a recipe (and the recipes it includes). The caller owns the transaction.</summary>
    public async Task<RecipeContext> ApplyAsync(string name, IReadOnlyDictionary<string, string> parameters, CancellationToken cancellationToken)
    {
        var context = new RecipeContext { RecipeName = name, Parameters = parameters };
        await ApplyFileAsync(name, context, 0, cancellationToken);
        return context;
    }

    private async Task ApplyFileAsync(string name, RecipeContext context, int depth, CancellationToken cancellationToken)
    {
        if (depth > MaxIncludeDepth)
        {
            throw new InvalidOperationException($"Recipe {name}: includes are nested too deeply (a loop?).");
        }
        var path = PathOf(name);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"There is no recipe called {name} in {Folder}.", path);
        }
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(path, cancellationToken));
        var byName = steps.ToDictionary(s => s.Name, StringComparer.OrdinalIgnoreCase);
        foreach (var step in document.RootElement.GetProperty("steps").EnumerateArray())
        {
            var stepName = step.GetProperty("name").GetString()!;
            if (stepName.Equals("Recipe", StringComparison.OrdinalIgnoreCase))
            {
                await ApplyFileAsync(step.GetProperty("include").GetString()!, context, depth + 1, cancellationToken);
                continue;
            }
            if (!byName.TryGetValue(stepName, out var handler))
            {
                throw new InvalidOperationException($"Recipe {name}: no enabled module understands the step '{stepName}'.");
            }
            logger.LogInformation("Recipe {Recipe}: applying step {Step}", name, stepName);
            await handler.ExecuteAsync(step, context, cancellationToken);
        }
    }

    private string PathOf(string name) => Path.Combine(Folder, $"{name}.recipe.json");

    private static string NameOf(string path) => Path.GetFileName(path)[..^".recipe.json".Length];
}
