using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Catalogue.Domain;
using TrainingPortal.Catalogue.Services;
using TrainingPortal.Core.Recipes;
using TrainingPortal.Data;

namespace TrainingPortal.Catalogue.Recipes;

/// <summary>
/// <c>{ "name": "Courses", "courses": [ { "code", "title", "summary", "level", "deliveryMode", "durationMinutes", "validityMonths",
/// "requiresApproval", "owner", "reviewDate", "status", "licence", "audience": { "sectors": [], "workforceGroups": [] },
/// "prerequisites": [], "learningOutcomes": [], "lessons": [ { "title", "body" } ], "knowledgeCheck": { "passMark", "maxAttempts",
/// "questions": [ { "text", "multiple", "options": [ { "text", "correct" } ] } ] } } ] }</c>.
/// Courses are matched by code; an existing course is left as it is, so its history is never rewritten by a recipe.
/// </summary>
internal sealed class CoursesRecipeStep(PortalDbContext db, IMemoryCache cache, TimeProvider clock) : IRecipeStep
{
    public string Name => "Courses";

    public async Task ExecuteAsync(JsonElement step, RecipeContext context, CancellationToken cancellationToken)
    {
        var sectors = await db.AllSectors().ToDictionaryAsync(s => s.Name, s => s.Id, cancellationToken);
        var groups = await db.AllWorkforceGroups().ToDictionaryAsync(g => g.Code, g => g.Id, cancellationToken);
        var courses = await db.Set<Course>().ToDictionaryAsync(c => c.Code, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var added = new List<(Course Course, JsonElement Json)>();
        foreach (var json in step.GetProperty("courses").EnumerateArray())
        {
            var code = json.GetProperty("code").GetString()!.ToUpperInvariant();
            if (courses.ContainsKey(code))
            {
                continue;
            }
            var course = new Course
            {
                Id = Guid.NewGuid(), Code = code, CreatedAt = now,
                Status = Enum.Parse<CourseStatus>(Text(json, "status") ?? "Published"),
            };
            var version = new CourseVersion
            {
                Id = Guid.NewGuid(), CourseId = course.Id, Number = 1, CreatedAt = now,
                Title = json.GetProperty("title").GetString()!,
                Summary = json.GetProperty("summary").GetString()!,
                LearningOutcomes = string.Join('\n', json.GetProperty("learningOutcomes").EnumerateArray().Select(o => o.GetString())),
                Level = Enum.Parse<CourseLevel>(json.GetProperty("level").GetString()!),
                DeliveryMode = Enum.Parse<DeliveryMode>(json.GetProperty("deliveryMode").GetString()!),
                DurationMinutes = json.GetProperty("durationMinutes").GetInt32(),
                ValidityMonths = json.TryGetProperty("validityMonths", out var validity) && validity.ValueKind == JsonValueKind.Number ? validity.GetInt32() : null,
                RequiresApproval = json.TryGetProperty("requiresApproval", out var approval) && approval.ValueKind == JsonValueKind.True,
                Licence = Enum.Parse<CourseLicence>(Text(json, "licence") ?? "None"),
                Owner = Text(json, "owner"),
                ReviewDate = Text(json, "reviewDate") is { } review ? DateOnly.Parse(review, CultureInfo.InvariantCulture) : null,
            };
            if (json.TryGetProperty("audience", out var audience))
            {
                version.AudienceSectorIds = Names(audience, "sectors").Select(n => sectors.TryGetValue(n, out var id) ? id
                    : throw new InvalidOperationException($"Courses step: {code} names unknown sector {n}.")).ToList();
                version.AudienceGroupIds = Names(audience, "workforceGroups").Select(n => groups.TryGetValue(n, out var id) ? id
                    : throw new InvalidOperationException($"Courses step: {code} names unknown workforce group {n}.")).ToList();
            }
            if (json.TryGetProperty("lessons", out var lessons) && lessons.ValueKind == JsonValueKind.Array)
            {
                version.Lessons = lessons.EnumerateArray().Select((l, i) => new Lesson
                {
                    Id = Guid.NewGuid(), CourseVersionId = version.Id, Order = i + 1,
                    Title = l.GetProperty("title").GetString()!, Body = l.GetProperty("body").GetString()!,
                }).ToList();
            }
            if (json.TryGetProperty("knowledgeCheck", out var check) && check.ValueKind == JsonValueKind.Object)
            {
                version.PassMark = check.GetProperty("passMark").GetInt32();
                version.MaxAttempts = check.TryGetProperty("maxAttempts", out var max) && max.ValueKind == JsonValueKind.Number ? max.GetInt32() : null;
                version.Questions = check.GetProperty("questions").EnumerateArray().Select((q, i) =>
                {
                    var questionId = Guid.NewGuid();
                    var input = new QuestionInput(q.GetProperty("text").GetString(), q.TryGetProperty("multiple", out var m) && m.ValueKind == JsonValueKind.True,
                        q.GetProperty("options").EnumerateArray().Select(o => (o.GetProperty("text").GetString()!, o.TryGetProperty("correct", out var c) && c.ValueKind == JsonValueKind.True)).ToList());
                    if (CourseEditor.ValidateQuestion(input) is { Count: > 0 } problems)
                    {
                        throw new InvalidOperationException($"Courses step: {code} question {i + 1}: {problems[0].Message}.");
                    }
                    return new Question
                    {
                        Id = questionId, CourseVersionId = version.Id, Order = i + 1, Text = input.Text!, AllowsMultiple = input.AllowsMultiple,
                        Options = input.Options.Select((o, j) => new AnswerOption { Id = Guid.NewGuid(), QuestionId = questionId, Order = j + 1, Text = o.Text, IsCorrect = o.IsCorrect }).ToList(),
                    };
                }).ToList();
            }
            course.Versions.Add(version);
            db.Set<Course>().Add(course);
            courses[code] = course;
            added.Add((course, json));
        }
        foreach (var (course, json) in added)
        {
            foreach (var required in Names(json, "prerequisites"))
            {
                var prerequisite = courses.TryGetValue(required.ToUpperInvariant(), out var found) ? found
                    : throw new InvalidOperationException($"Courses step: {course.Code} needs unknown course {required}.");
                course.Prerequisites.Add(new CoursePrerequisite { CourseId = course.Id, RequiredCourseId = prerequisite.Id });
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        CourseCatalogue.Invalidate(cache);
        context.Log.Add($"Courses: {added.Count} added");
    }

    private static IEnumerable<string> Names(JsonElement element, string property) =>
        element.TryGetProperty(property, out var list) && list.ValueKind == JsonValueKind.Array ? list.EnumerateArray().Select(x => x.GetString()!) : [];

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
