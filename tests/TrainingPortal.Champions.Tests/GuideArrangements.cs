using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Champions.Domain;
using TrainingPortal.Champions.Services;
using TrainingPortal.Core.Results;
using TrainingPortal.Core.Security;
using TrainingPortal.Identity.Domain;

namespace TrainingPortal.Champions.Tests;

/// <summary>Guides written, sent and published through the product's own services.</summary>
public static class GuideArrangements
{
    public static Task<SignedInUser> ChampionAsync(this ChampionsPortal portal, string firstName = "Cam", string lastName = "Champion") =>
        portal.AccountAsync(firstName, lastName, Roles.NeglectChampion);

    /// <summary>A guide's input with every part written.</summary>
    public static GuideInput Complete(string title, GuideFormat format = GuideFormat.SevenMinute, string? tags = null, params int[] sectorIds) => new()
    {
        Format = format,
        Title = title,
        WhatItIs = $"{title}: what it is.",
        WhyItMatters = "Children are harmed when it is missed.",
        WhatResearchSays = "Reviews keep finding it.",
        WhatToLookFor = "Missed appointments, **untreated** decay.",
        WhatToDo = "Talk to the family and tell your safeguarding lead.",
        QuestionsForReflection = "Would we have noticed?",
        FurtherReading = "The partnership's neglect strategy.",
        Tags = tags,
        SectorIds = [.. sectorIds],
    };

    public static async Task<int> DraftAsync(this ChampionsPortal portal, SignedInUser champion, GuideInput input)
    {
        var created = await portal.As(champion, s => s.GetRequiredService<GuideEditor>().CreateAsync(input));
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Message)));
        return created.Value;
    }

    public static Task<(Access Access, OperationResult Result)> SubmitAsync(this ChampionsPortal portal, SignedInUser champion, int number) =>
        portal.As(champion, s => s.GetRequiredService<GuideEditor>().SubmitAsync(number));

    public static async Task PublishAsync(this ChampionsPortal portal, int number, DateOnly? reviewDate = null)
    {
        var published = await portal.As(portal.Coordinator, s => s.GetRequiredService<GuideReview>().PublishAsync(number, reviewDate));
        Assert.True(published.Succeeded, string.Join("; ", published.Errors.Select(e => e.Message)));
    }

    /// <summary>A guide written, sent and published in one go.</summary>
    public static async Task<int> PublishedGuideAsync(this ChampionsPortal portal, SignedInUser champion, GuideInput input, DateOnly? reviewDate = null)
    {
        var number = await portal.DraftAsync(champion, input);
        Assert.True((await portal.SubmitAsync(champion, number)).Result.Succeeded);
        await portal.PublishAsync(number, reviewDate);
        return number;
    }

    public static Task<Core.Paging.PagedList<GuideSummary>> LibraryAsync(this ChampionsPortal portal, SignedInUser reader, string? text = null, string? tag = null, int? sectorId = null) =>
        portal.As(reader, s => s.GetRequiredService<GuideLibrary>().SearchAsync(text, tag, sectorId, 1));

    public static async Task<int> SectorAsync(this ChampionsPortal portal, string name) =>
        (await portal.As(portal.Coordinator, s => s.GetRequiredService<AgencyDirectory>().SectorsAsync())).Single(x => x.Name == name).Id;

    private const string Password = "amber-kestrel-orchard-52";

    /// <summary>A browser-like client signed in as <paramref name="user"/> through the sign-in page.</summary>
    public static async Task<HttpClient> SignInAsync(this ChampionsPortal portal, SignedInUser user)
    {
        await portal.App.InScopeAsync(async s =>
        {
            var users = s.GetRequiredService<UserManager<PortalUser>>();
            var account = await users.FindByIdAsync(user.UserId.ToString());
            await users.RemovePasswordAsync(account!);
            var set = await users.AddPasswordAsync(account!, Password);
            Assert.True(set.Succeeded, string.Join("; ", set.Errors.Select(e => e.Description)));
        });
        var client = portal.App.CreateBrowserlikeClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(user.Email, Password)).StatusCode);
        return client;
    }
}
