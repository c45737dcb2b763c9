using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingPortal.Catalogue.Domain;
using TrainingPortal.Catalogue.Services;
using TrainingPortal.Data;
using TrainingPortal.Identity.Domain;
using TrainingPortal.Sessions.Services;
using TrainingPortal.Testing;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;
using static TrainingPortal.BrowserTests.Locators;

namespace TrainingPortal.BrowserTests.Journeys;

/// <summary>
/// A practitioner books a full session and is waitlisted; the person holding the place cancels, the first is
/// promoted and emailed; on the day the trainer takes the register and the training appears in "My learning".
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class BookingJourneyTests(BrowserFixture browser, ITestOutputHelper output)
{
    private const string Agency = "Northshire Homes";
    private const string Password = "willow-copper-harbour-58";
    private const string TrainerEmail = "naveed.javed@northshire-scp.example";
    private const string CourseTitle = "Disguised compliance and working with resistant families";
    private const string Guid = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    [Fact]
    public async Task Waitlisted_practitioner_is_promoted_when_a_place_frees_and_attendance_reaches_my_learning()
    {
        var clock = new TestClock(DateTimeOffset.UtcNow);
        await using var mail = await MailDevServer.StartAsync();
        await using var app = await PortalApp.StartAsync(new PortalAppOptions
        {
            Recipe = "demo", UseKestrel = true, RunJobServer = true, SmtpPort = mail.SmtpPort, Clock = clock,
        });
        var sessionId = await ScheduleOnePlaceSessionAsync(app, clock);

        // 1. Two practitioners register; both have done basic awareness (the course's prerequisite).
        await using var holder = await browser.NewSessionAsync(app.RootUri, output);
        await holder.RegisterAndConfirmAsync(app, "Tom", "Hale", "tom.hale@northshire-homes.example", Agency, "Tenancy support officer", Password);
        await using var waiter = await browser.NewSessionAsync(app.RootUri, output);
        await waiter.RegisterAndConfirmAsync(app, "Rosa", "Mendes", "rosa.mendes@northshire-homes.example", Agency, "Tenancy support officer", Password);
        await GiveBasicAwarenessAsync(app, "tom.hale@northshire-homes.example", "rosa.mendes@northshire-homes.example");

        // 2. Tom takes the only place.
        await holder.GotoAsync($"/sessions/{sessionId}");
        await Expect(Heading(holder.Page, CourseTitle)).ToBeVisibleAsync();
        await holder.ClickAsync(Button(holder.Page, "Book a place"), "/my-bookings");
        await Expect(SuccessBanner(holder.Page)).ToContainTextAsync($"You are booked on {CourseTitle}");

        // 3. Rosa finds the session from the course page; it is full, so she joins the waiting list.
        var page = waiter.Page;
        await waiter.GotoAsync("/courses/NEG-DC");
        await waiter.ClickAsync(MainContent(page).GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Book") }).First, $"/sessions/{sessionId}");
        await waiter.ClickAsync(Button(page, "Book a place"), "/my-bookings");
        await Expect(SuccessBanner(page)).ToContainTextAsync("you are on the waiting list at number 1");
        await Expect(MainContent(page).GetByRole(AriaRole.Row).Filter(new() { HasText = CourseTitle })).ToContainTextAsync("On the waiting list (number 1)");

        // 4. Tom cancels; Rosa gets the place and an email saying so, with a calendar invite.
        await holder.GotoAsync("/my-bookings");
        await holder.ClickAsync(MainContent(holder.Page).GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Cancel your booking on") }), $"/my-bookings/{Guid}/cancel");
        await Expect(Heading(holder.Page, "Are you sure you want to cancel your booking?")).ToBeVisibleAsync();
        await holder.ClickAsync(Button(holder.Page, "Yes, cancel the booking"), "/my-bookings");
        await Expect(SuccessBanner(holder.Page)).ToContainTextAsync("has been cancelled");

        var promoted = await mail.WaitForEmailAsync(
            e => e.IsAddressedTo("rosa.mendes@northshire-homes.example") && e.Subject == $"A place has come up: {CourseTitle}", TimeSpan.FromSeconds(30));
        Assert.Contains("first on the waiting list", promoted.Text);
        var invite = System.Text.Encoding.UTF8.GetString(await mail.GetAttachmentAsync(promoted, "invite.ics"));
        Assert.Contains("METHOD:REQUEST", invite);
        await waiter.GotoAsync("/my-bookings");
        await Expect(MainContent(page).GetByRole(AriaRole.Row).Filter(new() { HasText = CourseTitle })).ToContainTextAsync("Booked");

        // 5. On the day, the trainer marks Rosa as attended and closes the register.
        clock.Advance(TimeSpan.FromDays(3));
        await using var trainer = await browser.NewSessionAsync(app.RootUri, output);
        await SignInAsync(trainer, TrainerEmail, app.Options.AdminPassword);
        await trainer.ClickAsync(Menu(trainer.Page).GetByRole(AriaRole.Link, new() { Name = "My sessions", Exact = true }), "/sessions/mine");
        await trainer.ClickAsync(MainContent(trainer.Page).Locator($"a[href='/sessions/{sessionId}/register']"), $"/sessions/{sessionId}/register");
        var line = trainer.Page.GetByRole(AriaRole.Group, new() { Name = "Rosa Mendes" });
        await line.GetByLabel("Attended", new() { Exact = true }).CheckAsync();
        await trainer.ClickAsync(Button(trainer.Page, "Save the register"), $"/sessions/{sessionId}/register");
        await Expect(SuccessBanner(trainer.Page)).ToContainTextAsync("Register saved");
        await trainer.ClickAsync(Button(trainer.Page, "Close the register"), $"/sessions/{sessionId}/register");
        await Expect(SuccessBanner(trainer.Page)).ToContainTextAsync("Register closed");

        // 6. Three days on Rosa signs in again; her learning record shows the course.
        await SignInAsync(waiter, "rosa.mendes@northshire-homes.example", Password);
        await waiter.ClickAsync(Menu(page).GetByRole(AriaRole.Link, new() { Name = "My learning", Exact = true }), "/my-learning");
        await Expect(MainContent(page).GetByRole(AriaRole.Row).Filter(new() { HasText = CourseTitle })).ToBeVisibleAsync();

        holder.AssertEveryPageChecked();
        waiter.AssertEveryPageChecked();
        trainer.AssertEveryPageChecked();
    }

    /// <summary>A virtual session of disguised compliance with one place, three days ahead, delivered by the demo trainer.</summary>
    private static Task<Guid> ScheduleOnePlaceSessionAsync(PortalApp app, TestClock clock) =>
        app.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<PortalDbContext>();
            var course = await db.Set<Course>().SingleAsync(c => c.Code == "NEG-DC");
            var trainer = await services.GetRequiredService<UserManager<PortalUser>>().FindByEmailAsync(TrainerEmail);
            var day = DateOnly.FromDateTime(TrainingPortal.Core.UkTime.FromUtc(clock.GetUtcNow().UtcDateTime)).AddDays(3);
            var result = await services.GetRequiredService<SessionScheduler>().ScheduleAsync(new SessionInput
            {
                CourseId = course.Id, Date = day, StartTime = "00:05", EndTime = "23:55", IsVirtual = true,
                JoiningLink = "https://meet.northshire-scp.example/disguised-compliance", Capacity = 1, TrainerIds = [trainer!.Id],
            });
            Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
            return result.Value;
        });

    private static Task GiveBasicAwarenessAsync(PortalApp app, params string[] emails) =>
        app.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<PortalDbContext>();
            var version = await db.Set<CourseVersion>().Where(v => db.Set<Course>().Any(c => c.Id == v.CourseId && c.Code == "NEG-BASIC"))
                .OrderByDescending(v => v.Number).FirstAsync();
            var records = services.GetRequiredService<TrainingRecords>();
            foreach (var email in emails)
            {
                var person = await db.Set<TrainingPortal.Agencies.Domain.Practitioner>().SingleAsync(p => p.Email == email);
                await records.AddCompletionAsync(person.Id, version.Id, DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(-2), TrainingSource.ELearning, 90);
            }
            await db.SaveChangesAsync();
        });
}
