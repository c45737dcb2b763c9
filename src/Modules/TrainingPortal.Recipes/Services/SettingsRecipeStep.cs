using System.Text.Json;
using TrainingPortal.Core.Recipes;
using TrainingPortal.Data;
using TrainingPortal.Data.Settings;

namespace TrainingPortal.Recipes.Services;

/// <summary><c>{ "name": "Settings", "settings": { "Key": "value" } }</c>.</summary>
internal sealed class SettingsRecipeStep(PortalSettings settings, PortalDbContext db) : IRecipeStep
{
    public string Name => "Settings";

    public async Task ExecuteAsync(JsonElement step, RecipeContext context, CancellationToken cancellationToken)
    {
        var count = 0;
        foreach (var setting in step.GetProperty("settings").EnumerateObject())
        {
            await settings.SetAsync(setting.Name, setting.Value.ValueKind == JsonValueKind.String ? setting.Value.GetString()! : setting.Value.GetRawText(), cancellationToken);
            count++;
        }
        await db.SaveChangesAsync(cancellationToken);
        context.Log.Add($"Settings: {count} set");
    }
}
