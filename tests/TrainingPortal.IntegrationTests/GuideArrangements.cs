using Microsoft.EntityFrameworkCore;
using TrainingPortal.Catalogue.Domain;
using TrainingPortal.Champions.Domain;
using TrainingPortal.Data;

namespace TrainingPortal.IntegrationTests;

public static class GuideArrangements
{
    /// <summary>A guide in the library as publishing leaves it, a published version of the catalogue course <paramref name="courseId"/>; returns its number.</summary>
    public static async Task<int> PublishedGuideAsync(this PortalDbContext db, Guid courseId, Guid publishedBy, string title)
    {
        var courseVersionId = await db.Set<CourseVersion>().Where(v => v.CourseId == courseId).OrderByDescending(v => v.Number).Select(v => v.Id).FirstAsync();
        var number = (await db.Set<SevenMinuteGuide>().MaxAsync(g => (int?)g.Number) ?? 0) + 1;
        var guide = new SevenMinuteGuide { Id = Guid.NewGuid(), Number = number, AuthorUserId = publishedBy, CourseId = courseId, CreatedAt = DateTime.UtcNow };
        guide.Versions.Add(new GuideVersion
        {
            Id = Guid.NewGuid(), GuideId = guide.Id, Number = 1, Status = GuideVersionStatus.Published, Title = title,
            WhatItIs = "What it is", WhyItMatters = "Why", WhatResearchSays = "Research", WhatToLookFor = "Signs", WhatToDo = "Act",
            QuestionsForReflection = "Questions", FurtherReading = "Reading", CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
            PublishedAt = DateTime.UtcNow, PublishedByUserId = publishedBy, CourseVersionId = courseVersionId,
        });
        db.Add(guide);
        await db.SaveChangesAsync();
        return number;
    }
}
