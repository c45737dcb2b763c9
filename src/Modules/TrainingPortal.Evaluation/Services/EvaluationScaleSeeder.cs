using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TrainingPortal.Catalogue.Services;
using TrainingPortal.Core;
using TrainingPortal.Core.Modules;
using TrainingPortal.Data;
using TrainingPortal.Data.Settings;
using TrainingPortal.Evaluation.Domain;

namespace TrainingPortal.Evaluation.Services;

/// <summary>
/// Scale data for evaluation: a request for every evaluated completion of the last year (the request takes its training
/// record's id), answers from about 40% of them a few days after the training with confidence against each learning
/// outcome of the version taken and a comment from about a third, and follow-ups for completions past the follow-up
/// interval: skipped for people who have left every agency, otherwise about half answered (about two thirds of those
/// saying practice changed, with an example) and the rest still waiting, reminded after 14 days. Everything is made
/// inside the database by INSERT … SELECT, the choices worked out from each row's own id, so the same database always
/// gets the same rows; a database with requests gets nothing.
/// </summary>
internal sealed class EvaluationScaleSeeder(PortalDbContext db, PortalSettings settings, TimeProvider clock) : IScaleSeeder
{
    /// <summary>Completions this recent are asked about.</summary>
    public const int Days = 365;

    /// <summary>Per cent of requests answered.</summary>
    public const int AnsweredPercent = 40;

    public int Order => 500;

    public async Task<string> SeedAsync(ScaleSeedOptions options, CancellationToken cancellationToken)
    {
        if (await db.Set<EvaluationRequest>().AnyAsync(cancellationToken))
        {
            return "Evaluation: requests already present, nothing added";
        }
        var today = UkTime.Today(clock);
        var months = await EvaluationSettings.FollowUpMonthsAsync(settings, cancellationToken);
        var pg = db.Database.IsNpgsql();
        var outcomes = JsonSerializer.Serialize((await db.AllCourseVersions().Select(v => new { v.Id, v.LearningOutcomes }).ToListAsync(cancellationToken))
            .SelectMany(v => v.LearningOutcomes.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select((text, i) => new object[] { pg ? v.Id.ToString() : v.Id.ToString().ToUpperInvariant(), i + 1, text.Length <= 1000 ? text : text[..1000] })));

        // What differs between the providers: a stable number from a row, dates and times, and reading a JSON array.
        string Hash(string alias, int salt) => pg
            ? $"abs(hashtext({alias}.\"Id\"::text || '{salt}')::bigint)"
            : $"abs(({alias}.rowid * 2654435761 + {salt} * 40503) % 1000003)";
        string Day(DateOnly day) => pg ? $"DATE '{day:yyyy-MM-dd}'" : $"'{day:yyyy-MM-dd}'";
        string PlusMonths(string date, int n) => pg ? $"({date} + make_interval(months => {n}))::date" : $"date({date}, '+{n} months')";
        string At(string date, int hour, string plusDays) => pg
            ? $"(({date}) + make_interval(days => ({plusDays})::int, hours => {hour})) AT TIME ZONE 'UTC'"
            : $"datetime({date}, '+' || ({plusDays}) || ' days', '+{hour} hours')";
        var since = today.AddDays(-Days);
        // Answers come a few days after the training, so only completions a week old or more have them.
        var answerBy = today.AddDays(-7);
        // The outcomes go in as the command's one parameter ({0}).
        var json = pg ? "jsonb_array_elements({0}::jsonb) AS e(value)" : "json_each({0}) e";
        string Element(int i, string type) => pg ? $"(e.value ->> {i}){type}" : $"json_extract(e.value, '$[{i}]')";

        // Only SQL written here, dates and numbers are interpolated below; the one value read from data (the outcomes) is a parameter.
#pragma warning disable EF1002
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(20));
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var requests = await db.Database.ExecuteSqlRawAsync($"""
            INSERT INTO "EvaluationRequests" ("Id", "TrainingRecordId", "PractitionerId", "CourseId", "CourseVersionId", "CompletedOn", "Source",
                "RequestedAt", "EmailedAt", "AnsweredAt")
            SELECT t."Id", t."Id", t."PractitionerId", t."CourseId", t."CourseVersionId", t."CompletedOn", t."Source",
                   {At("t.\"CompletedOn\"", 17, "0")},
                   CASE WHEN p."Email" IS NOT NULL THEN {At("t.\"CompletedOn\"", 17, "0")} END,
                   CASE WHEN {Hash("t", 1)} % 100 < {AnsweredPercent} AND t."CompletedOn" <= {Day(answerBy)}
                        THEN {At("t.\"CompletedOn\"", 10, $"1 + {Hash("t", 2)} % 6")} END
            FROM "TrainingRecords" t
            JOIN "Practitioners" p ON p."Id" = t."PractitionerId"
            WHERE t."Status" = 'Approved' AND t."Source" IN ('Session', 'ELearning', 'Briefing')
              AND t."CompletedOn" >= {Day(since)} AND t."CompletedOn" <= {Day(today)}
            """, cancellationToken);

        var responses = await db.Database.ExecuteSqlRawAsync($"""
            INSERT INTO "EvaluationResponses" ("RequestId", "OverallRating", "DoingDifferently", "SubmittedAt")
            SELECT r."Id",
                   CASE WHEN {Hash("r", 3)} % 20 = 0 THEN 2 WHEN {Hash("r", 3)} % 20 < 4 THEN 3 WHEN {Hash("r", 3)} % 20 < 11 THEN 4 ELSE 5 END,
                   CASE {Hash("r", 4)} % 9
                        WHEN 0 THEN 'Ask about missed health and dental appointments at every contact.'
                        WHEN 1 THEN 'Write down what I see in the home rather than general words.'
                        WHEN 2 THEN 'Read back through the history before closing a case, to see neglect building up.'
                   END,
                   r."AnsweredAt"
            FROM "EvaluationRequests" r
            WHERE r."AnsweredAt" IS NOT NULL
            """, cancellationToken);

        var confidences = await db.Database.ExecuteSqlRawAsync($"""
            INSERT INTO "EvaluationOutcomeConfidence" ("RequestId", "OutcomeNumber", "Outcome", "Before", "After")
            SELECT x."Id", x.n, x.outcome, x.was, CASE WHEN x.was + x.gain > 5 THEN 5 ELSE x.was + x.gain END
            FROM (
                SELECT r."Id", {Element(1, "::int")} AS n, {Element(2, "")} AS outcome,
                       1 + ({Hash("r", 5)} + {Element(1, "::int")}) % 3 AS was,
                       CASE WHEN s."OverallRating" >= 4 THEN 1 + ({Hash("r", 6)} + {Element(1, "::int")}) % 2 ELSE ({Hash("r", 6)} + {Element(1, "::int")}) % 2 END AS gain
                FROM "EvaluationRequests" r
                JOIN "EvaluationResponses" s ON s."RequestId" = r."Id"
                JOIN {json} ON {Element(0, "::uuid")} = r."CourseVersionId") x
            """, [outcomes], cancellationToken);

        var dueBy = today.AddMonths(-months);
        var reminderBy = today.AddDays(-EvaluationSettings.FollowUpReminderDays);
        var followUps = await db.Database.ExecuteSqlRawAsync($"""
            INSERT INTO "EvaluationFollowUps" ("RequestId", "DueOn", "Status", "CreatedAt", "ReminderSentAt", "AnsweredAt", "PracticeChange", "Example", "UseFrequency")
            SELECT x."Id", x.due, x.status, {At("x.due", 7, "0")},
                   CASE WHEN x.status = 'Sent' AND x.due <= {Day(reminderBy)} THEN {At("x.due", 7, EvaluationSettings.FollowUpReminderDays.ToString(CultureInfo.InvariantCulture))} END,
                   CASE WHEN x.status = 'Answered' THEN {At("x.due", 12, "1 + x.h % 10")} END,
                   CASE WHEN x.status = 'Answered' THEN CASE WHEN x.h % 3 < 2 THEN 'Changed' ELSE 'NotChanged' END END,
                   CASE WHEN x.status = 'Answered' AND x.h % 3 < 2 THEN
                        CASE x.h % 4
                             WHEN 0 THEN 'I used the Graded Care Profile 2 with a family and we agreed a plan together.'
                             WHEN 1 THEN 'My case notes now describe home conditions in detail.'
                             ELSE 'I raised missed dental appointments with the health visitor straight away.'
                        END
                   END,
                   CASE WHEN x.status = 'Answered' THEN
                        CASE WHEN x.h % 3 < 2 THEN CASE x.h % 5 WHEN 0 THEN 'Weekly' WHEN 1 THEN 'Weekly' WHEN 2 THEN 'Monthly' ELSE 'OnceOrTwice' END
                             ELSE CASE x.h % 2 WHEN 0 THEN 'NotAtAll' ELSE 'OnceOrTwice' END END
                   END
            FROM (
                SELECT r."Id", {PlusMonths("r.\"CompletedOn\"", months)} AS due, {Hash("r", 7)} AS h,
                       CASE WHEN NOT EXISTS (SELECT 1 FROM "AgencyMemberships" m
                                             WHERE m."PractitionerId" = r."PractitionerId" AND (m."LeavingDate" IS NULL OR m."LeavingDate" > {Day(today)})) THEN 'Skipped'
                            WHEN {Hash("r", 8)} % 100 < 50 AND r."CompletedOn" <= {Day(dueBy.AddDays(-11))} THEN 'Answered'
                            ELSE 'Sent' END AS status
                FROM "EvaluationRequests" r
                WHERE r."CompletedOn" <= {Day(dueBy)}) x
            """, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
#pragma warning restore EF1002
        return $"Evaluation: {requests} requests, {responses} responses, {confidences} outcome confidences, {followUps} follow-ups";
    }
}
