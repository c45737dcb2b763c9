using Microsoft.Extensions.DependencyInjection;
using TrainingPortal.Champions.Domain;
using TrainingPortal.Champions.Services;
using TrainingPortal.Core.Results;
using TrainingPortal.Agencies.Services;

namespace TrainingPortal.Champions.Tests;

/// <summary>Guides to brief on and briefings logged through the product's own service.</summary>
public static class BriefingArrangements
{
    /// <summary>A guide a champion wrote and the training unit published (and, if asked, has since retired); returns its number.</summary>
    public static async Task<int> GuideToBriefOnAsync(this ChampionsPortal portal, string title, bool retired = false)
    {
        var author = await portal.ChampionAsync("Gina", "Writer");
        var number = await portal.PublishedGuideAsync(author, GuideArrangements.Complete(title));
        if (retired)
        {
            Assert.True((await portal.As(portal.Coordinator, s => s.GetRequiredService<GuideReview>().RetireAsync(number))).Succeeded);
        }
        return number;
    }

    /// <summary>The course code briefings on guide <paramref name="number"/> are recorded on.</summary>
    public static string CourseOf(int number) => GuideParts.CourseCode(GuideFormat.SevenMinute, number);

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
            .Where(r => r.Source == Catalogue.Domain.TrainingSource.Briefing).Select(r => (r.CourseCode, r.CompletedOn)).ToList());
}
