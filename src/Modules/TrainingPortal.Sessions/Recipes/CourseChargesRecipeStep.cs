using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TrainingPortal.Catalogue.Services;
using TrainingPortal.Core.Recipes;
using TrainingPortal.Data;
using TrainingPortal.Sessions.Domain;

namespace TrainingPortal.Sessions.Recipes;

/// <summary>
/// <c>{ "name": "CourseCharges", "charges": [ { "course": "NEG-ADV", "pence": 5000 } ] }</c>: what an agency is
/// charged for each did-not-attend or late cancellation on a course. Matched by course code; re-applying sets the same values.
/// </summary>
internal sealed class CourseChargesRecipeStep(PortalDbContext db) : IRecipeStep
{
    public string Name => "CourseCharges";

    public async Task ExecuteAsync(JsonElement step, RecipeContext context, CancellationToken cancellationToken)
    {
        var courses = await db.AllCourses().ToDictionaryAsync(c => c.Code, c => c.Id, StringComparer.OrdinalIgnoreCase, cancellationToken);
        var existing = await db.Set<CourseCharge>().ToDictionaryAsync(c => c.CourseId, cancellationToken);
        var set = 0;
        foreach (var item in step.GetProperty("charges").EnumerateArray())
        {
            var code = item.GetProperty("course").GetString()!;
            if (!courses.TryGetValue(code, out var courseId))
            {
                throw new InvalidOperationException($"CourseCharges: there is no course with the code {code}.");
            }
            var pence = item.GetProperty("pence").GetInt32();
            if (!existing.TryGetValue(courseId, out var charge))
            {
                charge = new CourseCharge { CourseId = courseId };
                db.Set<CourseCharge>().Add(charge);
                existing[courseId] = charge;
            }
            charge.PencePerPlace = pence;
            set++;
        }
        await db.SaveChangesAsync(cancellationToken);
        context.Log.Add($"Course charges: {set} set");
    }
}
