using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingPortal.Catalogue.Domain;
using TrainingPortal.Champions.Domain;
using TrainingPortal.Champions.Services;
using TrainingPortal.Core.Results;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Data;

namespace TrainingPortal.Champions.Tests;

/// <summary>Guides to brief on and briefings logged through the product's own service.</summary>
public static class BriefingArrangements
{
    /// <summary>
    /// A guide in the library as publishing leaves it: a published version recorded as a version of the catalogue's
    /// seven-minute briefing course. Returns the guide's number.
    /// </summary>
    public static Task<int> PublishedGuideAsync(this ChampionsPortal portal, string title, bool retired = false) => portal.As(portal.Coordinator, async s =>
    {
        var db = s.GetRequiredService<PortalDbContext>();
        var course = await db.Set<Course>().SingleAsync(c => c.Code == "NEG-7MIN");
        var courseVersionId = await db.Set<CourseVersion>().Where(v => v.CourseId == course.Id).OrderByDescending(v => v.Number).Select(v => v.Id).FirstAsync();
        var number = (await db.Set<SevenMinuteGuide>().MaxAsync(g => (int?)g.Number) ?? 0) + 1;
        var now = portal.Clock.GetUtcNow().UtcDateTime;
        var guide = new SevenMinuteGuide { Id = Guid.NewGuid(), Number = number, Format = GuideFormat.SevenMinute, AuthorUserId = portal.Coordinator.UserId, CourseId = course.Id, IsRetired = retired, CreatedAt = now };
        guide.Versions.Add(new GuideVersion
        {
            Id = Guid.NewGuid(), GuideId = guide.Id, Number = 1, Status = GuideVersionStatus.Published, Title = title,
            WhatItIs = "What it is", WhyItMatters = "Why", WhatResearchSays = "Research", WhatToLookFor = "Signs", WhatToDo = "Act",
            QuestionsForReflection = "Questions", FurtherReading = "Reading", CreatedAt = now, UpdatedAt = now, PublishedAt = now,
            PublishedByUserId = portal.Coordinator.UserId, CourseVersionId = courseVersionId,
        });
        db.Add(guide);
        await db.SaveChangesAsync();
        return number;
    });

    public static BriefingInput Briefing(this ChampionsPortal portal, Guid agencyId, int guide, params Guid[] attendees) => new()
    {
        AgencyId = agencyId,
        GuideNumber = guide,
        DeliveredOn = portal.Today,
        Team = "Health visiting north",
        DeliveredBy = "Hana Lead",
        AttendeeIds = [.. attendees],
        DiscussionNotes = "Talked through the signs of dental neglect.",
    };

    public static Task<(Access Access, OperationResult<Guid> Result)> RecordAsync(this ChampionsPortal portal, SignedInUser user, BriefingInput input) =>
        portal.As(user, s => s.GetRequiredService<BriefingLogs>().RecordAsync(input));

    public static Task<(Access Access, OperationResult Result)> CorrectAsync(this ChampionsPortal portal, SignedInUser user, Guid logId, BriefingInput input) =>
        portal.As(user, s => s.GetRequiredService<BriefingLogs>().CorrectAsync(logId, input));

    /// <summary>The briefing records a practitioner has, as My learning lists them (course code and date).</summary>
    public static Task<List<(string Code, DateOnly CompletedOn)>> BriefingRecordsAsync(this ChampionsPortal portal, Guid practitionerId) => portal.As(portal.Coordinator, async s =>
        (await s.GetRequiredService<Catalogue.Services.TrainingRecords>().ForPractitionerAsync(practitionerId))
            .Where(r => r.Source == TrainingSource.Briefing).Select(r => (r.CourseCode, r.CompletedOn)).ToList());
}
