using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Core;
using TrainingPortal.Core.Recipes;
using TrainingPortal.Data;
using TrainingPortal.Tna.Domain;
using TrainingPortal.Tna.Services;

namespace TrainingPortal.Tna.Recipes;

/// <summary>
/// <c>{ "name": "TrainingNeedsAnalysis", "startYear": 2027, "deadlineInDays": 28, "submitted": [ { "agency", "daysAgo",
/// "starters": { "G2": 4 }, "adjust": [ { "group": "G2", "requirement", "by": 3, "reason" } ] } ] }</c>: an open TNA
/// for demonstrations. <c>startYear</c> defaults to the next April's; the listed agencies have submitted their computed
/// figures, with the planned starters per workforce group code and the changes given (each with its reason). No emails
/// are sent. A year that already has a TNA is left alone, so running the step again changes nothing.
/// </summary>
internal sealed class TnaRecipeStep(PortalDbContext db, TnaSubmissions submissions, TimeProvider clock) : IRecipeStep
{
    public string Name => "TrainingNeedsAnalysis";

    public async Task ExecuteAsync(JsonElement step, RecipeContext context, CancellationToken cancellationToken)
    {
        var today = UkTime.Today(clock);
        var now = clock.GetUtcNow().UtcDateTime;
        var year = step.TryGetProperty("startYear", out var y) ? y.GetInt32() : today.Month >= 4 ? today.Year + 1 : today.Year;
        if (await db.Set<TrainingNeedsAnalysis>().AnyAsync(a => a.StartYear == year, cancellationToken))
        {
            context.Log.Add($"TrainingNeedsAnalysis: {TrainingNeedsAnalysis.YearName(year)} already exists");
            return;
        }
        var analysis = new TrainingNeedsAnalysis
        {
            Id = Guid.NewGuid(), StartYear = year, StartsOn = TrainingNeedsAnalysis.StartOf(year), EndsOn = TrainingNeedsAnalysis.EndOf(year),
            Deadline = today.AddDays(step.TryGetProperty("deadlineInDays", out var d) ? d.GetInt32() : 28), OpenedAt = now.AddDays(-14),
        };
        db.Set<TrainingNeedsAnalysis>().Add(analysis);

        var agencies = await db.AllAgencies().ToDictionaryAsync(a => a.Name, a => a.Id, cancellationToken);
        var groupCodes = await db.AllWorkforceGroups().ToDictionaryAsync(g => g.Code, g => g.Id, cancellationToken);
        var submitted = step.TryGetProperty("submitted", out var s) ? s.EnumerateArray().ToList() : [];
        foreach (var item in submitted)
        {
            var name = item.GetProperty("agency").GetString()!;
            var agencyId = agencies.TryGetValue(name, out var id) ? id : throw new InvalidOperationException($"TrainingNeedsAnalysis: there is no agency called {name}.");
            var starters = item.TryGetProperty("starters", out var st)
                ? st.EnumerateObject().ToDictionary(p => Group(groupCodes, p.Name), p => p.Value.GetInt32())
                : [];
            var adjustments = item.TryGetProperty("adjust", out var adj) ? adj.EnumerateArray().ToList() : [];
            var submittedAt = now.AddDays(-(item.TryGetProperty("daysAgo", out var ago) ? ago.GetInt32() : 3));
            var submission = new TnaSubmission
            {
                Id = Guid.NewGuid(), AnalysisId = analysis.Id, AgencyId = agencyId, Status = TnaSubmissionStatus.Submitted,
                UpdatedAt = submittedAt, SubmittedAt = submittedAt,
            };
            foreach (var group in await submissions.GroupsAsync(analysis, agencyId, submission: null, cancellationToken))
            {
                foreach (var line in group.Lines)
                {
                    var change = adjustments.FirstOrDefault(a => Group(groupCodes, a.GetProperty("group").GetString()!) == group.WorkforceGroupId
                                                                 && a.GetProperty("requirement").GetString() == line.Requirement);
                    var figure = new TnaFigure { WorkforceGroupId = group.WorkforceGroupId, RequirementId = line.RequirementId, Computed = line.Computed };
                    if (change.ValueKind == JsonValueKind.Object)
                    {
                        figure.Adjusted = Math.Max(0, line.Computed + change.GetProperty("by").GetInt32());
                        figure.Reason = change.GetProperty("reason").GetString();
                    }
                    submission.Figures.Add(figure);
                }
                submission.Starters.Add(new TnaPlannedStarters { WorkforceGroupId = group.WorkforceGroupId, Count = starters.GetValueOrDefault(group.WorkforceGroupId) });
            }
            db.Set<TnaSubmission>().Add(submission);
        }
        await db.SaveChangesAsync(cancellationToken);
        context.Log.Add($"TrainingNeedsAnalysis: {analysis.Name} open until {UkTime.FormatDate(analysis.Deadline)}, {submitted.Count} agencies submitted");
    }

    private static int Group(Dictionary<string, int> codes, string code) =>
        codes.TryGetValue(code, out var id) ? id : throw new InvalidOperationException($"TrainingNeedsAnalysis: there is no workforce group with code {code}.");
}
