using Microsoft.Extensions.DependencyInjection;
using TrainingPortal.Tna.Services;

namespace TrainingPortal.Tna.Tests;

/// <summary>The computed figures, a submission and the gap on PostgreSQL, the production database.</summary>
public sealed class PostgreSqlTests
{
    [Fact]
    public async Task Computed_figures_a_submission_and_the_gap_work_on_PostgreSQL()
    {
        await using var portal = await TnaPortal.StartAsync(TestDatabase.PostgreSql);
        await portal.StaffAsync(portal.Health, "G2");
        var expiring = await portal.StaffAsync(portal.Health, "G2");
        await portal.CompletedAsync(expiring, "NEG-ADV", new DateOnly(2024, 6, 3));
        await portal.CompletedAsync(expiring, "NEG-BASIC", new DateOnly(2026, 6, 3));
        await portal.ScheduleAsync("NEG-ADV", new DateOnly(2027, 9, 15), capacity: 1);
        var analysisId = await portal.OpenAsync();

        var task = await portal.TaskAsync(portal.HealthLead, analysisId, portal.Health);
        var group = task.Groups.Single(g => g.Name.StartsWith("Group 2", StringComparison.Ordinal));
        Assert.Equal(2, group.Staff);
        Assert.Equal(1, group.Lines.Single(l => l.Requirement == "Neglect basic training").Computed);
        Assert.Equal(2, group.Lines.Single(l => l.Requirement == "Neglect advanced training").Computed);

        var input = TnaSubmissions.InputFor(task);
        input.Groups[task.Groups.ToList().IndexOf(group)].PlannedStarters = "3";
        var (_, saved) = await portal.SaveAsync(portal.HealthLead, analysisId, portal.Health, input);
        Assert.True(saved.Succeeded, string.Join("; ", saved.Errors.Select(e => e.Message)));

        var advanced = (await portal.GapAsync(analysisId)).Courses.Single(c => c.Requirement == "Neglect advanced training");
        Assert.Equal(2 + 3, advanced.Needed);
        Assert.Equal(1, advanced.Places);
        Assert.Equal(4, advanced.Gap);
        var export = await portal.As(portal.Coordinator, s => s.GetRequiredService<TnaExport>().WorkbookAsync(analysisId));
        Assert.NotEmpty(export!.Value.Workbook);
    }
}
