using System.Text.Json;

namespace TrainingPortal.Core.Recipes;

/// <summary>
/// A step a JSON recipe can contain (<c>{ "name": "Agencies", ... }</c>). Modules implement steps for
/// their own data. Running a step twice with the same input must change nothing the second time.
/// </summary>
public interface IRecipeStep
{
    /// <summary>The value of the step's <c>name</c> property.</summary>
    string Name { get; }

    Task ExecuteAsync(JsonElement step, RecipeContext context, CancellationToken cancellationToken);
}

/// <summary>What a running recipe shares between steps.</summary>
public sealed class RecipeContext
{
    public required string RecipeName { get; init; }

    /// <summary>Values given at set-up (partnership name, administrator email), for steps that use them.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    /// <summary>Lines saying what each step did, shown after set-up and in logs.</summary>
    public List<string> Log { get; } = [];
}
