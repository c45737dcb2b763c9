using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using TrainingPortal.Core.Recipes;
using TrainingPortal.Recipes.Services;

namespace TrainingPortal.Recipes.Tests;

public sealed class RecipeRunnerTests : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly List<string> applied = [];

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Steps_are_applied_in_the_order_the_recipe_lists_them()
    {
        Write("setup", """{ "steps": [ { "name": "Sectors", "value": "1" }, { "name": "Agencies", "value": "2" }, { "name": "Sectors", "value": "3" } ] }""");

        await Runner("Sectors", "Agencies").ApplyAsync("setup", Empty, CancellationToken.None);

        Assert.Equal(["Sectors 1", "Agencies 2", "Sectors 3"], applied);
    }

    [Fact]
    public async Task Step_names_match_whatever_their_case()
    {
        Write("setup", """{ "steps": [ { "name": "workforcegroups", "value": "1" } ] }""");

        await Runner("WorkforceGroups").ApplyAsync("setup", Empty, CancellationToken.None);

        Assert.Equal(["WorkforceGroups 1"], applied);
    }

    [Fact]
    public async Task An_included_recipe_is_applied_where_it_is_included()
    {
        Write("base", """{ "steps": [ { "name": "Sectors", "value": "from base" } ] }""");
        Write("setup", """{ "steps": [ { "name": "Settings", "value": "before" }, { "name": "Recipe", "include": "base" }, { "name": "Agencies", "value": "after" } ] }""");

        await Runner("Sectors", "Settings", "Agencies").ApplyAsync("setup", Empty, CancellationToken.None);

        Assert.Equal(["Settings before", "Sectors from base", "Agencies after"], applied);
    }

    [Fact]
    public async Task Steps_see_the_set_up_values_and_their_log_lines_are_returned()
    {
        Write("setup", """{ "steps": [ { "name": "Settings", "value": "1" } ] }""");
        var parameters = new Dictionary<string, string> { ["PartnershipName"] = "Northshire Safeguarding Children Partnership" };

        var context = await Runner("Settings").ApplyAsync("setup", parameters, CancellationToken.None);

        Assert.Equal("setup", context.RecipeName);
        Assert.Equal(["Settings: applied 1 for Northshire Safeguarding Children Partnership"], context.Log);
    }

    [Fact]
    public async Task A_step_no_module_understands_fails_naming_the_step_and_the_recipe()
    {
        Write("setup", """{ "steps": [ { "name": "Sectors", "value": "1" }, { "name": "Courses", "value": "2" } ] }""");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Runner("Sectors").ApplyAsync("setup", Empty, CancellationToken.None));

        Assert.Equal("Recipe setup: no enabled module understands the step 'Courses'.", error.Message);
    }

    [Fact]
    public async Task An_unknown_step_inside_an_included_recipe_names_the_included_recipe()
    {
        Write("base", """{ "steps": [ { "name": "Courses" } ] }""");
        Write("setup", """{ "steps": [ { "name": "Recipe", "include": "base" } ] }""");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Runner("Sectors").ApplyAsync("setup", Empty, CancellationToken.None));

        Assert.Equal("Recipe base: no enabled module understands the step 'Courses'.", error.Message);
    }

    [Fact]
    public async Task Asking_for_a_recipe_that_does_not_exist_fails_naming_it_and_the_folder()
    {
        var runner = Runner("Sectors");

        var error = await Assert.ThrowsAsync<FileNotFoundException>(() => runner.ApplyAsync("nowhere", Empty, CancellationToken.None));

        Assert.Equal($"There is no recipe called nowhere in {folder.Path}.", error.Message);
        Assert.False(runner.Exists("nowhere"));
    }

    [Fact]
    public async Task Including_a_recipe_that_does_not_exist_fails_naming_the_missing_one()
    {
        Write("setup", """{ "steps": [ { "name": "Recipe", "include": "curriculum" } ] }""");

        var error = await Assert.ThrowsAsync<FileNotFoundException>(() => Runner().ApplyAsync("setup", Empty, CancellationToken.None));

        Assert.Contains("no recipe called curriculum", error.Message);
    }

    [Fact]
    public async Task A_recipe_that_includes_itself_fails_quickly_instead_of_running_forever()
    {
        Write("loop", """{ "steps": [ { "name": "Recipe", "include": "loop" } ] }""");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            Runner().ApplyAsync("loop", Empty, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.Contains("nested too deeply", error.Message);
    }

    [Fact]
    public async Task Two_recipes_that_include_each_other_fail_instead_of_running_forever()
    {
        Write("first", """{ "steps": [ { "name": "Sectors", "value": "1" }, { "name": "Recipe", "include": "second" } ] }""");
        Write("second", """{ "steps": [ { "name": "Recipe", "include": "first" } ] }""");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            Runner("Sectors").ApplyAsync("first", Empty, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.Contains("nested too deeply", error.Message);
    }

    [Fact]
    public async Task Includes_nested_five_deep_are_allowed()
    {
        Write("level5", """{ "steps": [ { "name": "Sectors", "value": "deepest" } ] }""");
        for (var level = 4; level >= 0; level--)
        {
            Write($"level{level}", $$"""{ "steps": [ { "name": "Recipe", "include": "level{{level + 1}}" } ] }""");
        }

        await Runner("Sectors").ApplyAsync("level0", Empty, CancellationToken.None);

        Assert.Equal(["Sectors deepest"], applied);
    }

    [Fact]
    public void Only_recipes_with_a_display_name_are_offered_in_name_order_with_demo_last()
    {
        Write("demo", """{ "displayName": "A demo partnership", "description": "Fictional people", "steps": [] }""");
        Write("neglect-partnership", """{ "displayName": "Neglect training partnership", "description": "Starting point", "steps": [] }""");
        Write("blank", """{ "displayName": "Blank portal", "steps": [] }""");
        Write("curriculum", """{ "steps": [] }""");
        File.WriteAllText(folder.Combine("notes.json"), """{ "displayName": "Not a recipe" }""");

        var offered = Runner().Available();

        Assert.Equal(["blank", "neglect-partnership", "demo"], offered.Select(r => r.Name));
        Assert.Equal(["Blank portal", "Neglect training partnership", "A demo partnership"], offered.Select(r => r.DisplayName));
        Assert.Equal(["", "Starting point", "Fictional people"], offered.Select(r => r.Description));
    }

    [Fact]
    public void No_recipes_are_offered_when_the_folder_is_missing()
    {
        var runner = new RecipeRunner([], Configuration(folder.Combine("missing")), NullLogger<RecipeRunner>.Instance);

        Assert.Empty(runner.Available());
    }

    private static IReadOnlyDictionary<string, string> Empty { get; } = new Dictionary<string, string>();

    private static IConfiguration Configuration(string path) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Recipes:Path"] = path }).Build();

    private void Write(string name, string json) => File.WriteAllText(folder.Combine($"{name}.recipe.json"), json);

    private RecipeRunner Runner(params string[] stepNames) =>
        new(stepNames.Select(n => new RecordingStep(n, applied)).ToList(), Configuration(folder.Path), NullLogger<RecipeRunner>.Instance);

    /// <summary>Records "Name value" for each step it applies, and logs a line naming the partnership when given one.</summary>
    private sealed class RecordingStep(string name, List<string> applied) : IRecipeStep
    {
        public string Name => name;

        public Task ExecuteAsync(JsonElement step, RecipeContext context, CancellationToken cancellationToken)
        {
            var value = step.TryGetProperty("value", out var v) ? v.GetString() : null;
            applied.Add($"{name} {value}");
            if (context.Parameters.TryGetValue("PartnershipName", out var partnership))
            {
                context.Log.Add($"{name}: applied {value} for {partnership}");
            }
            return Task.CompletedTask;
        }
    }
}
