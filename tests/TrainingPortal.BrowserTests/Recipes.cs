using System.Text.Json;

namespace TrainingPortal.BrowserTests;

/// <summary>Reads the repository's content recipes, so tests name what the set-up page shows.</summary>
public static class Recipes
{
    /// <summary>The <c>displayName</c> of <c>content-recipes/{name}.recipe.json</c>.</summary>
    public static string DisplayName(string name)
    {
        using var stream = File.OpenRead(System.IO.Path.Combine(Folder(), $"{name}.recipe.json"));
        using var recipe = JsonDocument.Parse(stream);
        return recipe.RootElement.GetProperty("displayName").GetString()
            ?? throw new InvalidOperationException($"The {name} recipe has no displayName.");
    }

    private static string Folder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "content-recipes");
            if (Directory.Exists(candidate) && File.Exists(System.IO.Path.Combine(dir.FullName, "TrainingPortal.sln")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"Could not find the repository's content-recipes folder above {AppContext.BaseDirectory}.");
    }
}
