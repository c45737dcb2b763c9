using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using TrainingPortal.Core.Recipes;
using TrainingPortal.Recipes.Services;
using TrainingPortal.Web.Composition;

namespace TrainingPortal.Recipes.Tests;

/// <summary>The recipes in content-recipes against the steps the product's modules really register.</summary>
public class ShippedRecipeTests
{
    private static readonly string Folder = Path.Combine(RepositoryRoot(), "content-recipes");

    [Fact]
    public void The_shipped_recipes_are_found()
    {
        Assert.Contains("neglect-partnership.recipe.json", Directory.GetFiles(Folder).Select(Path.GetFileName));
        Assert.Contains("demo.recipe.json", Directory.GetFiles(Folder).Select(Path.GetFileName));
    }

    [Fact]
    public void Every_step_in_every_shipped_recipe_is_one_an_enabled_module_provides()
    {
        var provided = ModuleStepNames();
        var problems = new List<string>();
        foreach (var file in Directory.GetFiles(Folder, "*.recipe.json"))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            foreach (var step in document.RootElement.GetProperty("steps").EnumerateArray())
            {
                var name = step.GetProperty("name").GetString()!;
                if (name == "Recipe")
                {
                    var include = step.GetProperty("include").GetString()!;
                    if (!File.Exists(Path.Combine(Folder, $"{include}.recipe.json")))
                    {
                        problems.Add($"{Path.GetFileName(file)} includes missing recipe {include}");
                    }
                }
                else if (!provided.Contains(name))
                {
                    problems.Add($"{Path.GetFileName(file)} uses step {name}, which no module provides");
                }
            }
        }

        Assert.Empty(problems);
    }

    [Theory]
    [InlineData("neglect-partnership")]
    [InlineData("demo")]
    public async Task A_shipped_recipe_runs_through_to_the_end_with_the_modules_step_names(string recipe)
    {
        var applied = new List<string>();
        var steps = ModuleStepNames().Select(n => (IRecipeStep)new NamedStep(n, applied)).ToList();
        var runner = new RecipeRunner(steps, Configuration(), NullLogger<RecipeRunner>.Instance);

        await runner.ApplyAsync(recipe, new Dictionary<string, string>(), CancellationToken.None);

        Assert.NotEmpty(applied);
    }

    [Fact]
    public async Task The_demo_recipe_sets_up_the_partnership_before_adding_its_agencies_and_people()
    {
        var applied = new List<string>();
        var runner = new RecipeRunner(ModuleStepNames().Select(n => (IRecipeStep)new NamedStep(n, applied)).ToList(), Configuration(), NullLogger<RecipeRunner>.Instance);

        await runner.ApplyAsync("demo", new Dictionary<string, string>(), CancellationToken.None);

        Assert.True(applied.IndexOf("Settings") < applied.IndexOf("Agencies"), string.Join(", ", applied));
        Assert.True(applied.IndexOf("Sectors") < applied.IndexOf("Agencies"), string.Join(", ", applied));
        Assert.True(applied.IndexOf("WorkforceGroups") < applied.IndexOf("Practitioners"), string.Join(", ", applied));
    }

    [Fact]
    public void Set_up_offers_the_partnership_recipe_first_and_the_demo_last()
    {
        var offered = new RecipeRunner([], Configuration(), NullLogger<RecipeRunner>.Instance).Available();

        Assert.Equal("neglect-partnership", offered[0].Name);
        Assert.Equal("demo", offered[^1].Name);
        Assert.All(offered, r => Assert.False(string.IsNullOrWhiteSpace(r.Description)));
    }

    /// <summary>The Name of every recipe step the modules register, read without constructing their dependencies.</summary>
    private static HashSet<string> ModuleStepNames()
    {
        var services = new ServiceCollection();
        var configuration = new ConfigurationBuilder().Build();
        foreach (var module in ModuleCatalog.All)
        {
            module.ConfigureServices(services, configuration);
        }
        var names = services
            .Where(d => d.ServiceType == typeof(IRecipeStep))
            .Select(d => d.ImplementationType ?? throw new InvalidOperationException("Recipe steps are expected to be registered by type."))
            .Select(t => ((IRecipeStep)RuntimeHelpers.GetUninitializedObject(t)).Name)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.NotEmpty(names);
        return names;
    }

    private static IConfiguration Configuration() =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Recipes:Path"] = Folder }).Build();

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "TrainingPortal.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("TrainingPortal.sln was not found above the test's folder.");
    }

    private sealed class NamedStep(string name, List<string> applied) : IRecipeStep
    {
        public string Name => name;

        public Task ExecuteAsync(JsonElement step, RecipeContext context, CancellationToken cancellationToken)
        {
            applied.Add(name);
            return Task.CompletedTask;
        }
    }
}
