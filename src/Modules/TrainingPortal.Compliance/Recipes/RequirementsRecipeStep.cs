using System.Text.Json;
using TrainingPortal.Compliance.Services;
using TrainingPortal.Core.Recipes;

namespace TrainingPortal.Compliance.Recipes;

/// <summary>
/// <c>{ "name": "Requirements", "requirements": [ { "name": "Neglect basic training", "courses": ["NEG-BASIC"], "groups": ["G1", "G2"] } ] }</c>:
/// what each workforce group must complete. The first course is the one people are sent to; the others are accepted
/// alternatives. Matched by name, so re-applying a recipe sets the same values.
/// </summary>
internal sealed class RequirementsRecipeStep(RequirementEditor editor) : IRecipeStep
{
    public string Name => "Requirements";

    public async Task ExecuteAsync(JsonElement step, RecipeContext context, CancellationToken cancellationToken)
    {
        var order = 0;
        foreach (var item in step.GetProperty("requirements").EnumerateArray())
        {
            var name = item.GetProperty("name").GetString()!;
            var courses = item.GetProperty("courses").EnumerateArray().Select(c => c.GetString()!).ToList();
            var groups = item.GetProperty("groups").EnumerateArray().Select(g => g.GetString()!).ToList();
            var result = await editor.SetByCodesAsync(name, ++order, courses, groups, cancellationToken);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"Requirements: {name}: {string.Join("; ", result.Errors.Select(e => e.Message))}");
            }
        }
        context.Log.Add($"Requirements: {order} set");
    }
}
