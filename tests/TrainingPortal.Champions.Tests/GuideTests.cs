using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Catalogue.Domain;
using TrainingPortal.Catalogue.Services;
using TrainingPortal.Champions.Domain;
using TrainingPortal.Champions.Jobs;
using TrainingPortal.Champions.Services;
using TrainingPortal.Core.Security;
using TrainingPortal.Data;

namespace TrainingPortal.Champions.Tests;

public sealed class GuideTests
{
    [Fact]
    public async Task A_guide_returned_with_comments_and_sent_again_is_published_as_a_briefing_course_and_shows_in_the_library()
    {
        await using var portal = await ChampionsPortal.StartAsync();
        var champion = await portal.ChampionAsync();
        var reader = await portal.AccountAsync("Pat", "Reader", Roles.Practitioner);
        var number = await portal.DraftAsync(champion, GuideArrangements.Complete("Dental neglect"));

        Assert.True((await portal.SubmitAsync(champion, number)).Result.Succeeded);
        var submitted = Assert.Single(await portal.OutboxAsync(portal.Coordinator.Email, "guide-submitted"));
        Assert.Contains("Dental neglect", submitted.Subject);
        Assert.Empty((await portal.LibraryAsync(reader)).Items);

        var noComments = await portal.As(portal.Coordinator, s => s.GetRequiredService<GuideReview>().ReturnAsync(number, "  "));
        Assert.Equal("Comments", Assert.Single(noComments.Errors).Field);
        var returned = await portal.As(portal.Coordinator, s => s.GetRequiredService<GuideReview>().ReturnAsync(number, "Add the local dental referral route."));
        Assert.True(returned.Succeeded);
        var returnMail = Assert.Single(await portal.OutboxAsync(champion.Email, "guide-returned"));
        Assert.Contains("Add the local dental referral route.", returnMail.TextBody);
        var latest = await portal.As(champion, s => s.GetRequiredService<GuideLibrary>().LatestAsync(number));
        Assert.Equal(GuideVersionStatus.Returned, latest!.Status);
        Assert.Equal("Add the local dental referral route.", latest.ReviewComments);

        var changed = latest.ToInput();
        changed.WhatToDo = "Refer to the community dental service and tell your safeguarding lead.";
        Assert.True((await portal.As(champion, s => s.GetRequiredService<GuideEditor>().SaveAsync(number, changed))).Result.Succeeded);
        Assert.True((await portal.SubmitAsync(champion, number)).Result.Succeeded);
        await portal.PublishAsync(number);

        var library = await portal.LibraryAsync(reader);
        Assert.Equal("Dental neglect", Assert.Single(library.Items).Title);
        var read = await portal.As(reader, s => s.GetRequiredService<GuideLibrary>().ReadAsync(number));
        Assert.Equal("Refer to the community dental service and tell your safeguarding lead.", read!.Parts.Single(p => p.Part.Field == "WhatToDo").Markdown);
        Assert.Equal(portal.Today.AddYears(1), read.ReviewDate);
        Assert.Single(await portal.OutboxAsync(champion.Email, "guide-published"));

        var published = Assert.Single(await portal.As(reader, s => s.GetRequiredService<GuideLibrary>().PublishedGuidesAsync()));
        var course = await portal.As(portal.Coordinator, async s =>
        {
            var db = s.GetRequiredService<PortalDbContext>();
            var versionId = await db.Set<GuideVersion>().Where(v => v.Id == published.GuideVersionId).Select(v => v.CourseVersionId).SingleAsync();
            return await (from v in db.Set<CourseVersion>() where v.Id == versionId
                          join c in db.AllCourses() on v.CourseId equals c.Id
                          select new { c.Code, c.Status, v.Title, v.DeliveryMode }).SingleAsync();
        });
        Assert.Equal(("7MG-001", CourseStatus.Published, "Dental neglect", DeliveryMode.Briefing), (course.Code, course.Status, course.Title, course.DeliveryMode));
    }

    [Fact]
    public async Task Editing_a_published_guide_makes_a_new_version_and_the_library_keeps_the_old_one_until_the_new_one_is_published()
    {
        await using var portal = await ChampionsPortal.StartAsync();
        var champion = await portal.ChampionAsync();
        var reader = await portal.AccountAsync("Pat", "Reader", Roles.Practitioner);
        var number = await portal.PublishedGuideAsync(champion, GuideArrangements.Complete("Home conditions"));

        var edit = GuideArrangements.Complete("Home conditions and hoarding");
        Assert.True((await portal.As(champion, s => s.GetRequiredService<GuideEditor>().SaveAsync(number, edit))).Result.Succeeded);
        Assert.True((await portal.SubmitAsync(champion, number)).Result.Succeeded);

        Assert.Equal("Home conditions", Assert.Single((await portal.LibraryAsync(reader)).Items).Title);
        var meanwhile = await portal.As(reader, s => s.GetRequiredService<GuideLibrary>().ReadAsync(number));
        Assert.Equal((1, "Home conditions"), (meanwhile!.Version, meanwhile.Title));

        await portal.PublishAsync(number);
        Assert.Equal("Home conditions and hoarding", Assert.Single((await portal.LibraryAsync(reader)).Items).Title);
        var statuses = await portal.As(portal.Coordinator, s => s.GetRequiredService<PortalDbContext>().Set<GuideVersion>()
            .OrderBy(v => v.Number).Select(v => v.Status).ToListAsync());
        Assert.Equal([GuideVersionStatus.Superseded, GuideVersionStatus.Published], statuses);
        var courseVersions = await portal.As(portal.Coordinator, s => s.GetRequiredService<PortalDbContext>().Set<CourseVersion>()
            .CountAsync(v => v.CourseId == s.GetRequiredService<PortalDbContext>().AllCourses().Single(c => c.Code == "7MG-001").Id));
        Assert.Equal(2, courseVersions);
    }

    [Fact]
    public async Task Sending_a_guide_with_parts_missing_names_each_missing_part()
    {
        await using var portal = await ChampionsPortal.StartAsync();
        var champion = await portal.ChampionAsync();
        var input = GuideArrangements.Complete("Neglect of teenagers");
        input.WhatResearchSays = " ";
        input.QuestionsForReflection = null;
        var number = await portal.DraftAsync(champion, input);

        var (_, result) = await portal.SubmitAsync(champion, number);

        Assert.Equal(["QuestionsForReflection", "WhatResearchSays"], result.Errors.Select(e => e.Field).Order());
        Assert.Empty(await portal.OutboxAsync(portal.Coordinator.Email, "guide-submitted"));
        var untitled = await portal.As(champion, s => s.GetRequiredService<GuideEditor>().CreateAsync(new GuideInput { WhatItIs = "No title" }));
        Assert.Equal("Title", Assert.Single(untitled.Errors).Field);
        var tooLong = GuideArrangements.Complete("Long");
        tooLong.WhatToDo = new string('x', GuideParts.MaxPartLength + 1);
        var refused = await portal.As(champion, s => s.GetRequiredService<GuideEditor>().CreateAsync(tooLong));
        Assert.Equal("WhatToDo", Assert.Single(refused.Errors).Field);
    }

    [Fact]
    public async Task A_one_minute_guide_needs_only_what_it_is_what_to_look_for_and_what_to_do()
    {
        await using var portal = await ChampionsPortal.StartAsync();
        var champion = await portal.ChampionAsync();
        var number = await portal.DraftAsync(champion, new GuideInput
        {
            Format = GuideFormat.OneMinute, Title = "Was not brought", WhatItIs = "A child not brought to appointments.",
            WhatToLookFor = "Repeated missed appointments.", WhatToDo = "Follow up and tell the lead.",
        });

        Assert.True((await portal.SubmitAsync(champion, number)).Result.Succeeded);
        await portal.PublishAsync(number);

        var read = await portal.As(champion, s => s.GetRequiredService<GuideLibrary>().ReadAsync(number));
        Assert.Equal(["What it is", "What to look for", "What to do"], read!.Parts.Select(p => p.Part.Heading));
        Assert.Contains(await portal.As(portal.Coordinator, s => s.GetRequiredService<PortalDbContext>().AllCourses().Select(c => c.Code).ToListAsync()), c => c == "1MG-001");
    }

    [Fact]
    public async Task Another_champion_can_neither_see_nor_change_a_draft()
    {
        await using var portal = await ChampionsPortal.StartAsync();
        var author = await portal.ChampionAsync();
        var other = await portal.ChampionAsync("Olu", "Other");
        var number = await portal.DraftAsync(author, GuideArrangements.Complete("Emotional neglect"));

        Assert.Null(await portal.As(other, s => s.GetRequiredService<GuideLibrary>().ReadAsync(number)));
        Assert.Null(await portal.As(other, s => s.GetRequiredService<GuideLibrary>().LatestAsync(number)));
        Assert.Empty(await portal.As(other, s => s.GetRequiredService<GuideLibrary>().MineAsync()));
        var (access, _) = await portal.As(other, s => s.GetRequiredService<GuideEditor>().SaveAsync(number, GuideArrangements.Complete("Taken over")));
        Assert.Equal(Access.NotFound, access);
        Assert.Equal(Access.NotFound, (await portal.SubmitAsync(other, number)).Access);

        Assert.Equal("Emotional neglect", (await portal.As(author, s => s.GetRequiredService<GuideLibrary>().LatestAsync(number)))!.Title);
        Assert.NotNull(await portal.As(portal.Coordinator, s => s.GetRequiredService<GuideLibrary>().ReadAsync(number)));
    }

    [Fact]
    public async Task The_library_finds_guides_by_words_tag_and_sector()
    {
        await using var portal = await ChampionsPortal.StartAsync();
        var champion = await portal.ChampionAsync();
        var reader = await portal.AccountAsync("Pat", "Reader", Roles.Practitioner);
        var health = await portal.SectorAsync("Health");
        var police = await portal.SectorAsync("Police");
        await portal.PublishedGuideAsync(champion, GuideArrangements.Complete("Dental neglect", tags: "Dental, Health", sectorIds: health));
        await portal.PublishedGuideAsync(champion, GuideArrangements.Complete("Home conditions", tags: "Home visits", sectorIds: police));
        await portal.PublishedGuideAsync(champion, GuideArrangements.Complete("Recognising neglect", tags: "Basics"));

        Assert.Equal(["Dental neglect"], (await portal.LibraryAsync(reader, tag: "dental")).Items.Select(g => g.Title));
        Assert.Equal(["Recognising neglect", "Home conditions"], (await portal.LibraryAsync(reader, sectorId: police)).Items.Select(g => g.Title));
        Assert.Equal(["Home conditions"], (await portal.LibraryAsync(reader, text: "CONDITIONS")).Items.Select(g => g.Title));
        Assert.Empty((await portal.LibraryAsync(reader, text: "nothing like this")).Items);
        Assert.Equal(["basics", "dental", "health", "home visits"], await portal.As(reader, s => s.GetRequiredService<GuideLibrary>().TagsAsync()));
    }

    [Fact]
    public async Task The_review_reminder_goes_to_the_author_and_the_training_unit_once_30_days_before_the_review_date()
    {
        await using var portal = await ChampionsPortal.StartAsync();
        var champion = await portal.ChampionAsync();
        var reviewDate = portal.Today.AddDays(60);
        await portal.PublishedGuideAsync(champion, GuideArrangements.Complete("Neglect and poverty"), reviewDate);
        var run = () => portal.As(portal.Coordinator, s => s.GetRequiredService<GuideReviewReminderJob>().SendDueAsync(CancellationToken.None));

        portal.MoveTo(reviewDate.AddDays(-31));
        Assert.Equal(0, await run());
        Assert.Empty(await portal.OutboxAsync(champion.Email, "guide-review-due"));

        portal.MoveTo(reviewDate.AddDays(-30));
        Assert.Equal(1, await run());
        Assert.Equal(0, await run());
        portal.MoveTo(reviewDate.AddDays(-29));
        Assert.Equal(0, await run());

        var mail = Assert.Single(await portal.OutboxAsync(champion.Email, "guide-review-due"));
        Assert.Contains("Neglect and poverty", mail.Subject);
        Assert.Single(await portal.OutboxAsync(portal.Coordinator.Email, "guide-review-due"));
    }

    [Fact]
    public async Task A_retired_guide_leaves_the_library()
    {
        await using var portal = await ChampionsPortal.StartAsync();
        var champion = await portal.ChampionAsync();
        var reader = await portal.AccountAsync("Pat", "Reader", Roles.Practitioner);
        var number = await portal.PublishedGuideAsync(champion, GuideArrangements.Complete("Obesity and neglect"));

        var retired = await portal.As(portal.Coordinator, s => s.GetRequiredService<GuideReview>().RetireAsync(number));

        Assert.True(retired.Succeeded);
        Assert.Empty((await portal.LibraryAsync(reader)).Items);
        Assert.Null(await portal.As(reader, s => s.GetRequiredService<GuideLibrary>().ReadAsync(number)));
        Assert.Empty(await portal.As(reader, s => s.GetRequiredService<GuideLibrary>().PublishedGuidesAsync()));
        var retiredByChampion = await portal.As(champion, s => s.GetRequiredService<GuideReview>().RetireAsync(number));
        Assert.False(retiredByChampion.Succeeded);
    }
}
