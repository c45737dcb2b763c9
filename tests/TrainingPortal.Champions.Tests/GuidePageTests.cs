using System.Net;
using TrainingPortal.Champions.Domain;
using TrainingPortal.Core.Security;

namespace TrainingPortal.Champions.Tests;

public sealed class GuidePageTests
{
    [Fact]
    public async Task A_champion_writes_a_guide_on_its_pages_and_readers_find_read_and_print_it_once_published()
    {
        await using var portal = await ChampionsPortal.StartAsync();
        var champion = await portal.ChampionAsync();
        var other = await portal.ChampionAsync("Olu", "Other");
        var reader = await portal.AccountAsync("Pat", "Reader", Roles.Practitioner);
        var writer = await portal.SignInAsync(champion);

        var fields = new Dictionary<string, string>
        {
            ["Input.Format"] = nameof(GuideFormat.SevenMinute), ["Input.Title"] = "Dental neglect", ["Input.WhatItIs"] = "Untreated **tooth decay**.",
            ["Input.Tags"] = "dental",
        };
        var created = await writer.PostFormAsync("/guides/new?handler=Submit", fields, "/guides/new");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal("/guides/1/edit?handler=Check", created.Headers.Location!.OriginalString);
        var check = await writer.GetStringAsync("/guides/1/edit?handler=Check");
        Assert.Contains("Enter why it matters", check);
        Assert.Contains("Enter further reading", check);
        Assert.Equal(HttpStatusCode.NotFound, (await (await portal.SignInAsync(other)).GetAsync("/guides/1/edit")).StatusCode);

        var complete = GuideArrangements.Complete("Dental neglect", tags: "dental");
        var sent = await writer.PostFormAsync("/guides/1/edit?handler=Submit", new Dictionary<string, string>
        {
            ["Input.Format"] = nameof(GuideFormat.SevenMinute), ["Input.Title"] = complete.Title!, ["Input.WhatItIs"] = "Untreated **tooth decay**.",
            ["Input.WhyItMatters"] = complete.WhyItMatters!, ["Input.WhatResearchSays"] = complete.WhatResearchSays!, ["Input.WhatToLookFor"] = complete.WhatToLookFor!,
            ["Input.WhatToDo"] = complete.WhatToDo!, ["Input.QuestionsForReflection"] = complete.QuestionsForReflection!, ["Input.FurtherReading"] = complete.FurtherReading!,
            ["Input.Tags"] = "dental",
        }, "/guides/1/edit");
        Assert.Equal("/guides/mine", sent.Headers.Location!.OriginalString);
        Assert.Contains("Sent for review", await writer.GetStringAsync("/guides/1"));

        var coordinator = await portal.SignInAsync(portal.Coordinator);
        Assert.Contains("Dental neglect", await coordinator.GetStringAsync("/guides/review"));
        var published = await coordinator.PostFormAsync("/guides/1/review?handler=Publish", new Dictionary<string, string>(), "/guides/1/review");
        Assert.Equal("/guides/1", published.Headers.Location!.OriginalString);

        var browser = await portal.SignInAsync(reader);
        Assert.Contains("Dental neglect", await browser.GetStringAsync("/guides?tag=dental"));
        Assert.Contains("No guides match", await browser.GetStringAsync("/guides?q=hoarding"));
        var page = await browser.GetStringAsync("/guides/1");
        Assert.Contains("<strong>tooth decay</strong>", page);
        Assert.Contains("Questions for reflection", page);
        var print = await browser.GetStringAsync("/guides/1/print");
        Assert.Equal(7, print.Split("<section class=\"part\">").Length - 1);
        Assert.Contains("size: A4 portrait", print);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/guides/1/edit")).StatusCode);
    }
}
