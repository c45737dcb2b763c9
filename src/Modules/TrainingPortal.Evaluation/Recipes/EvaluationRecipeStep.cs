using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Catalogue.Domain;
using TrainingPortal.Catalogue.Services;
using TrainingPortal.Core;
using TrainingPortal.Core.Recipes;
using TrainingPortal.Data;
using TrainingPortal.Data.Settings;
using TrainingPortal.Evaluation.Domain;
using TrainingPortal.Evaluation.Services;

namespace TrainingPortal.Evaluation.Recipes;

/// <summary>
/// <c>{ "name": "Evaluation", "months": 18, "answered": 70, "seed": 11, "comments": [...], "examples": [...] }</c>: for
/// demonstrations, the evaluation history of the partnership's recent training. Every completion of the last
/// <c>months</c> that evaluation covers (registers, e-learning and briefings, approved) gets its request, as the
/// invitation job would have made it; about <c>answered</c> per cent of those whose person is still on an agency's staff
/// answered a few days after the training (all of them for the agency and course with most completions, so a
/// safeguarding lead's totals show), with a spread of ratings, confidence that rises against each learning outcome and
/// sometimes one of the <c>comments</c>. Completions older than the follow-up interval have their follow-up: skipped for
/// leavers, otherwise answered by about half (most of them saying practice changed, with one of the <c>examples</c>) or
/// still waiting after its reminder. Completions that already have a request are left alone, so running the step again
/// changes nothing.
/// </summary>
internal sealed class EvaluationRecipeStep(PortalDbContext db, PortalSettings settings, TimeProvider clock) : IRecipeStep
{
    public string Name => "Evaluation";

    public async Task ExecuteAsync(JsonElement step, RecipeContext context, CancellationToken cancellationToken)
    {
        var months = step.TryGetProperty("months", out var m) ? m.GetInt32() : 18;
        var answeredPercent = step.TryGetProperty("answered", out var a) ? a.GetInt32() : 70;
        var random = new Random(step.TryGetProperty("seed", out var s) ? s.GetInt32() : 11);
        var comments = Strings(step, "comments");
        var examples = Strings(step, "examples");
        var today = UkTime.Today(clock);
        var now = clock.GetUtcNow().UtcDateTime;
        var followUpMonths = await EvaluationSettings.FollowUpMonthsAsync(settings, cancellationToken);
        var since = today.AddMonths(-months);

        var records = await (from r in db.AllTrainingRecords()
                             where r.Status == RecordStatus.Approved && EvaluationInvitations.EvaluatedSources.Contains(r.Source)
                                   && r.CompletedOn >= since && r.CompletedOn <= today
                                   && !db.Set<EvaluationRequest>().Any(q => q.TrainingRecordId == r.Id)
                             join p in db.AllPractitioners() on r.PractitionerId equals p.Id
                             orderby r.CompletedOn, r.Id
                             select new { Record = r, HasEmail = p.Email != null })
            .ToListAsync(cancellationToken);
        if (records.Count == 0)
        {
            context.Log.Add("Evaluation: nothing new to add");
            return;
        }
        var onStaff = await db.CurrentMemberships(today).Select(x => new { x.PractitionerId, x.AgencyId }).ToListAsync(cancellationToken);
        var agencyOf = onStaff.GroupBy(x => x.PractitionerId).ToDictionary(g => g.Key, g => g.Min(x => x.AgencyId));
        var versionIds = records.Select(r => r.Record.CourseVersionId).Distinct().ToList();
        var outcomes = (await db.AllCourseVersions().Where(v => versionIds.Contains(v.Id)).Select(v => new { v.Id, v.LearningOutcomes }).ToListAsync(cancellationToken))
            .ToDictionary(v => v.Id, v => v.LearningOutcomes.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        // The agency and course with most completions answers in full, so its lead's totals clear the smallest group shown.
        var showcase = records.Where(r => agencyOf.ContainsKey(r.Record.PractitionerId))
            .GroupBy(r => (Agency: agencyOf[r.Record.PractitionerId], r.Record.CourseId))
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key.Agency).ThenBy(g => g.Key.CourseId).Select(g => g.Key).FirstOrDefault();

        var (answered, followUps) = (0, 0);
        foreach (var item in records)
        {
            var record = item.Record;
            var requestedAt = UkTime.ToUtc(record.CompletedOn.ToDateTime(new TimeOnly(17, 0)));
            var request = new EvaluationRequest
            {
                Id = Guid.NewGuid(), TrainingRecordId = record.Id, PractitionerId = record.PractitionerId, CourseId = record.CourseId,
                CourseVersionId = record.CourseVersionId, CompletedOn = record.CompletedOn, Source = record.Source,
                RequestedAt = requestedAt < now ? requestedAt : now,
            };
            request.EmailedAt = item.HasEmail ? request.RequestedAt : null;
            var stillThere = agencyOf.TryGetValue(record.PractitionerId, out var agencyId);
            var answeredAt = request.RequestedAt.AddDays(random.Next(0, 10)).AddHours(random.Next(1, 6));
            var answers = stillThere && answeredAt <= now
                && ((agencyId, record.CourseId) == showcase || random.Next(100) < answeredPercent);
            if (answers)
            {
                request.AnsweredAt = answeredAt;
                request.Response = Response(request.Id, answeredAt, outcomes.GetValueOrDefault(record.CourseVersionId) ?? [], comments, random);
                answered++;
            }
            var dueOn = record.CompletedOn.AddMonths(followUpMonths);
            if (dueOn <= today)
            {
                request.FollowUp = FollowUp(request.Id, dueOn, stillThere, now, examples, random);
                followUps++;
            }
            db.Set<EvaluationRequest>().Add(request);
        }
        await db.SaveChangesAsync(cancellationToken);
        context.Log.Add($"Evaluation: {records.Count} requests, {answered} answered, {followUps} follow-ups");
    }

    private static EvaluationResponse Response(Guid requestId, DateTime answeredAt, string[] outcomes, IReadOnlyList<string> comments, Random random)
    {
        // Most people rate training well; a few do not, and their confidence moves less.
        var rating = random.Next(100) switch { < 5 => 2, < 20 => 3, < 60 => 4, _ => 5 };
        var response = new EvaluationResponse
        {
            RequestId = requestId, OverallRating = rating, SubmittedAt = answeredAt,
            DoingDifferently = comments.Count > 0 && random.Next(100) < 55 ? comments[random.Next(comments.Count)] : null,
        };
        for (var i = 0; i < outcomes.Length; i++)
        {
            var before = random.Next(1, 4);
            var after = Math.Min(EvaluationLimits.HighestRating, before + (rating >= 4 ? random.Next(1, 3) : random.Next(0, 2)));
            response.Outcomes.Add(new OutcomeConfidence
            {
                RequestId = requestId, OutcomeNumber = i + 1, Outcome = outcomes[i].Length <= 1000 ? outcomes[i] : outcomes[i][..1000], Before = before, After = after,
            });
        }
        return response;
    }

    private FollowUp FollowUp(Guid requestId, DateOnly dueOn, bool stillThere, DateTime now, IReadOnlyList<string> examples, Random random)
    {
        var sentAt = UkTime.ToUtc(dueOn.ToDateTime(new TimeOnly(7, 0)));
        var followUp = new FollowUp { RequestId = requestId, DueOn = dueOn, CreatedAt = sentAt < now ? sentAt : now, Status = FollowUpStatus.Sent };
        if (!stillThere)
        {
            followUp.Status = FollowUpStatus.Skipped;
            return followUp;
        }
        var reminderAt = followUp.CreatedAt.AddDays(EvaluationSettings.FollowUpReminderDays);
        var answeredAt = followUp.CreatedAt.AddDays(random.Next(1, 25)).AddHours(random.Next(1, 8));
        if (random.Next(100) < 55 && answeredAt <= now)
        {
            var changed = random.Next(100) < 65 && examples.Count > 0;
            followUp.Status = FollowUpStatus.Answered;
            followUp.AnsweredAt = answeredAt;
            followUp.PracticeChange = changed ? PracticeChange.Changed : PracticeChange.NotChanged;
            followUp.Example = changed ? examples[random.Next(examples.Count)] : null;
            followUp.UseFrequency = changed
                ? (random.Next(3) switch { 0 => UseFrequency.Weekly, 1 => UseFrequency.Monthly, _ => UseFrequency.OnceOrTwice })
                : (random.Next(2) == 0 ? UseFrequency.NotAtAll : UseFrequency.OnceOrTwice);
            followUp.ReminderSentAt = answeredAt > reminderAt ? reminderAt : null;
        }
        else if (reminderAt <= now)
        {
            followUp.ReminderSentAt = reminderAt;
        }
        return followUp;
    }

    private static List<string> Strings(JsonElement step, string property) =>
        step.TryGetProperty(property, out var items) && items.ValueKind == JsonValueKind.Array ? items.EnumerateArray().Select(i => i.GetString()!).ToList() : [];
}
