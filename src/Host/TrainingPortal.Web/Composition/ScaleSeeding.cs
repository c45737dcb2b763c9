using System.Diagnostics;
using System.Globalization;
using TrainingPortal.Core.Modules;

namespace TrainingPortal.Web.Composition;

/// <summary>
/// <c>seed-scale --agencies 40 --practitioners 50000</c>: migrates, sets up with the partnership recipe if needed,
/// then lets each module add its scale data.
/// </summary>
internal static class ScaleSeeding
{
    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var agencies = Option(args, "--agencies", 40);
        var practitioners = Option(args, "--practitioners", 50_000);
        if (agencies < 2 || practitioners < agencies)
        {
            await Console.Error.WriteLineAsync("seed-scale needs --agencies of at least 2 and at least as many --practitioners as agencies.");
            return 2;
        }
        await app.InitialiseAsync();
        using var scope = app.Services.CreateScope();
        var setup = scope.ServiceProvider.GetRequiredService<Recipes.Services.SetupService>();
        if (!await setup.IsSetUpAsync())
        {
            var result = await setup.SetUpAsync(new Recipes.Services.SetupInput
            {
                PartnershipName = app.Configuration["Setup:PartnershipName"] ?? "Scale Test Safeguarding Children Partnership",
                Recipe = "neglect-partnership",
                AdminFirstName = "Scale",
                AdminLastName = "Administrator",
                AdminEmail = app.Configuration["Setup:AdminEmail"] ?? "admin@scale.example",
                AdminPassword = app.Configuration["Setup:AdminPassword"] ?? Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(18)),
            });
            if (!result.Succeeded)
            {
                await Console.Error.WriteLineAsync("Set-up failed: " + string.Join("; ", result.Errors.Select(e => e.Message)));
                return 1;
            }
        }
        var options = new ScaleSeedOptions(agencies, practitioners);
        foreach (var seeder in scope.ServiceProvider.GetServices<IScaleSeeder>().OrderBy(s => s.Order))
        {
            var watch = Stopwatch.StartNew();
            var line = await seeder.SeedAsync(options, CancellationToken.None);
            Console.WriteLine($"{line} ({watch.Elapsed.TotalSeconds:0.0} s)");
        }
        return 0;
    }

    private static int Option(string[] args, string name, int defaultValue)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : defaultValue;
    }
}
