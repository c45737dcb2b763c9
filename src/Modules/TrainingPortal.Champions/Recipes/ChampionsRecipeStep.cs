using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Catalogue.Domain;
using TrainingPortal.Catalogue.Services;
using TrainingPortal.Champions.Domain;
using TrainingPortal.Champions.Services;
using TrainingPortal.Core;
using TrainingPortal.Core.Recipes;
using TrainingPortal.Data;
using TrainingPortal.Identity.Services;

namespace TrainingPortal.Champions.Recipes;

/// <summary>
/// <c>{ "name": "Champions", "champions": [...], "guides": [...], "briefings": [...] }</c>: a partnership's champion
/// network as it stands, for demonstrations.
/// <list type="bullet">
/// <item><c>champions</c>: <c>{ "email", "agency", "areaOfInterest", "monthsAgo" }</c>, an approved champion of a member of
/// the agency's staff since that many months ago; their account gets the NeglectChampion role.</item>
/// <item><c>guides</c>: <c>{ "author" (email), "format" ("SevenMinute" or "OneMinute"), "title", "tags", "sectors" (names),
/// "parts": { "whatItIs", … } }</c>, published by the training unit with its briefing course, due for review in a year.</item>
/// <item><c>briefings</c>: <c>{ "agency", "guide" (title), "daysAgo", "team", "deliveredBy", "attendees" (how many of the
/// team's current staff), "notes", "actions": [ { "description", "owner", "dueInDays", "done" } ] }</c>; each attendee
/// gets a briefing training record.</item>
/// </list>
/// A champion already on the agency's register, a guide whose title is in the library and a briefing already logged
/// (agency, guide, team and date) are skipped, so running the step again changes nothing.
/// </summary>
internal sealed class ChampionsRecipeStep(PortalDbContext db, ChampionRoles roles, GuideReview review, TrainingRecords records, TimeProvider clock) : IRecipeStep
{
    public string Name => "Champions";

    public async Task ExecuteAsync(JsonElement step, RecipeContext context, CancellationToken cancellationToken)
    {
        var today = UkTime.Today(clock);
        var now = clock.GetUtcNow().UtcDateTime;
        var agencies = await db.AllAgencies().ToDictionaryAsync(a => a.Name, a => a.Id, cancellationToken);
        Guid Agency(string section, JsonElement item) => agencies.TryGetValue(item.GetProperty("agency").GetString()!, out var id)
            ? id : throw new InvalidOperationException($"Champions: {section}: there is no agency called {item.GetProperty("agency").GetString()}.");
        var (champions, guides, briefings) = (0, 0, 0);

        foreach (var item in Items(step, "champions"))
        {
            var email = item.GetProperty("email").GetString()!.Trim().ToLowerInvariant();
            var agencyId = Agency("champions", item);
            var practitionerId = await db.CurrentMemberships(today).Where(m => m.AgencyId == agencyId && m.Practitioner!.Email == email)
                .Select(m => (Guid?)m.PractitionerId).FirstOrDefaultAsync(cancellationToken)
                ?? throw new InvalidOperationException($"Champions: {email} is not on the current staff of {item.GetProperty("agency").GetString()}.");
            if (await db.Set<Champion>().AnyAsync(c => c.PractitionerId == practitionerId && c.AgencyId == agencyId, cancellationToken))
            {
                continue;
            }
            var champion = new Champion
            {
                Id = Guid.NewGuid(), PractitionerId = practitionerId, AgencyId = agencyId, CreatedAt = now,
                AreaOfInterest = item.GetProperty("areaOfInterest").GetString()!,
            };
            champion.Spells.Add(new ChampionSpell
            {
                Id = Guid.NewGuid(), ChampionId = champion.Id, Status = SpellStatus.Active, NominatedAt = now, DecidedAt = now,
                StartDate = today.AddMonths(-(item.TryGetProperty("monthsAgo", out var m) ? m.GetInt32() : 6)),
            });
            db.Set<Champion>().Add(champion);
            await db.SaveChangesAsync(cancellationToken);
            await roles.ReconcileAsync(practitionerId, cancellationToken);
            champions++;
        }

        var sectors = await db.AllSectors().ToDictionaryAsync(s => s.Name, s => s.Id, cancellationToken);
        foreach (var item in Items(step, "guides"))
        {
            var title = item.GetProperty("title").GetString()!;
            if (await db.Set<GuideVersion>().AnyAsync(v => v.Title == title, cancellationToken))
            {
                continue;
            }
            var author = item.GetProperty("author").GetString()!.Trim().ToUpperInvariant();
            var authorId = await db.Accounts().Where(a => a.NormalizedEmail == author).Select(a => (Guid?)a.Id).SingleOrDefaultAsync(cancellationToken)
                ?? throw new InvalidOperationException($"Champions: guides: nobody has the account {author.ToLowerInvariant()}.");
            var format = Enum.Parse<GuideFormat>(item.TryGetProperty("format", out var f) ? f.GetString()! : nameof(GuideFormat.SevenMinute));
            var guide = new SevenMinuteGuide
            {
                Id = Guid.NewGuid(), Format = format, AuthorUserId = authorId, CreatedAt = now,
                Number = (await db.Set<SevenMinuteGuide>().MaxAsync(g => (int?)g.Number, cancellationToken) ?? 0) + 1,
            };
            var version = new GuideVersion
            {
                Id = Guid.NewGuid(), GuideId = guide.Id, Number = 1, Status = GuideVersionStatus.Submitted, Title = title,
                CreatedAt = now, UpdatedAt = now, SubmittedAt = now,
            };
            var parts = item.GetProperty("parts");
            foreach (var part in GuideParts.For(format))
            {
                var name = char.ToLowerInvariant(part.Field[0]) + part.Field[1..];
                part.Write(version, parts.TryGetProperty(name, out var text) ? text.GetString() : throw new InvalidOperationException($"Champions: guide \"{title}\" has no {name}."));
            }
            version.Tags.AddRange(GuideParts.ParseTags(item.TryGetProperty("tags", out var t) ? t.GetString() : null).Select(tag => new GuideTag { GuideVersionId = version.Id, Tag = tag }));
            foreach (var sector in Items(item, "sectors").Select(s => s.GetString()!))
            {
                version.Sectors.Add(new GuideSector { GuideVersionId = version.Id, SectorId = sectors.TryGetValue(sector, out var id) ? id : throw new InvalidOperationException($"Champions: there is no sector called {sector}.") });
            }
            guide.Versions.Add(version);
            db.Set<SevenMinuteGuide>().Add(guide);
            await db.SaveChangesAsync(cancellationToken);
            var published = await review.PublishVersionAsync(guide, version, today.AddYears(1), tellAuthor: false, cancellationToken);
            if (!published.Succeeded)
            {
                throw new InvalidOperationException($"Champions: guide \"{title}\" could not be published: {string.Join("; ", published.Errors.Select(e => e.Message))}");
            }
            guides++;
        }

        foreach (var item in Items(step, "briefings"))
        {
            var agencyId = Agency("briefings", item);
            var title = item.GetProperty("guide").GetString()!;
            var version = await db.Set<GuideVersion>().Where(v => v.Title == title && v.Status == GuideVersionStatus.Published).SingleOrDefaultAsync(cancellationToken)
                ?? throw new InvalidOperationException($"Champions: briefings: no published guide is called \"{title}\".");
            var team = item.GetProperty("team").GetString()!;
            var deliveredOn = today.AddDays(-item.GetProperty("daysAgo").GetInt32());
            if (await db.Set<BriefingLog>().AnyAsync(l => l.AgencyId == agencyId && l.GuideId == version.GuideId && l.Team == team && l.DeliveredOn == deliveredOn, cancellationToken))
            {
                continue;
            }
            var attendees = await db.CurrentMemberships(deliveredOn).Where(m => m.AgencyId == agencyId && m.Team!.Name == team)
                .OrderBy(m => m.Practitioner!.LastName).ThenBy(m => m.Practitioner!.FirstName)
                .Select(m => new { m.PractitionerId, Name = m.Practitioner!.FirstName + " " + m.Practitioner.LastName })
                .Take(item.GetProperty("attendees").GetInt32()).ToListAsync(cancellationToken);
            var log = new BriefingLog
            {
                Id = Guid.NewGuid(), AgencyId = agencyId, GuideId = version.GuideId, GuideVersionId = version.Id, Team = team, DeliveredOn = deliveredOn,
                DeliveredBy = item.GetProperty("deliveredBy").GetString()!, DiscussionNotes = item.TryGetProperty("notes", out var n) ? n.GetString() : null,
                RecordedAt = now,
            };
            var made = await records.AddCompletionsAsync(attendees.Select(a => a.PractitionerId).ToList(), version.CourseVersionId!.Value, deliveredOn, TrainingSource.Briefing, null, cancellationToken);
            log.Attendees.AddRange(attendees.Select(a => new BriefingAttendee { Id = Guid.NewGuid(), PractitionerId = a.PractitionerId, Name = a.Name, TrainingRecordId = made[a.PractitionerId].Id }));
            log.Actions.AddRange(Items(item, "actions").Select(a => new BriefingAction
            {
                Id = Guid.NewGuid(), Description = a.GetProperty("description").GetString()!, Owner = a.GetProperty("owner").GetString()!,
                DueOn = deliveredOn.AddDays(a.GetProperty("dueInDays").GetInt32()),
                DoneOn = a.TryGetProperty("done", out var d) && d.GetBoolean() ? deliveredOn.AddDays(a.GetProperty("dueInDays").GetInt32() - 1) : null,
            }));
            db.Set<BriefingLog>().Add(log);
            await db.SaveChangesAsync(cancellationToken);
            briefings++;
        }
        context.Log.Add($"Champions: {champions} champions, {guides} guides published, {briefings} briefings added");
    }

    private static IEnumerable<JsonElement> Items(JsonElement element, string property) =>
        element.TryGetProperty(property, out var items) && items.ValueKind == JsonValueKind.Array ? items.EnumerateArray() : [];
}
