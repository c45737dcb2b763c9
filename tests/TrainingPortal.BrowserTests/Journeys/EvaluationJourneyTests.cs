using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Catalogue.Domain;
using TrainingPortal.Data;
using TrainingPortal.Evaluation.Jobs;
using TrainingPortal.Notifications.Domain;
using TrainingPortal.Testing;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;
using static TrainingPortal.BrowserTests.Locators;

namespace TrainingPortal.BrowserTests.Journeys;

/// <summary>
/// The training unit holds certificates until training is evaluated; a housing adviser passes basic awareness, is
/// emailed the evaluation, answers it (after being told what is missing) and gets the certificate; the coordinator
/// reads the comment, the agency's lead sees totals only; three months later the adviser answers the follow-up.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class EvaluationJourneyTests(BrowserFixture browser, ITestOutputHelper output)
{
    private const string CourseCode = "NEG-BASIC";
    private const string CourseTitle = "Neglect basic awareness";
    private const string Agency = "Northshire Homes";
    private const string Email = "sunil.mehta@northshire-homes.example";
    private const string Password = "copper-meadow-signal-83";
    private const string LeadEmail = "tanya.thomas@northshire-homes.example";
    private const string CoordinatorEmail = "sophie.ashworth@northshire-scp.example";
    private const string DoingDifferently = "I will ask to see where the children sleep on every repairs visit.";
    private const string Example = "I raised a concern about a family with no beds for the children after a gas check.";

    [Fact]
    public async Task Practitioner_evaluates_training_before_the_certificate_and_answers_the_follow_up()
    {
        var clock = new TestClock(DateTimeOffset.UtcNow);
        await using var app = await PortalApp.StartAsync(new PortalAppOptions { Recipe = "demo", UseKestrel = true, Clock = clock });
        var correctAnswers = await CorrectAnswersAsync(app);
        // Evaluation started as the app did; the demo's own completions happened at that same instant, so move on a minute.
        clock.Advance(TimeSpan.FromMinutes(1));

        // 1. The coordinator finds the evaluation settings from the results and holds certificates until evaluated.
        await using var coordinator = await browser.NewSessionAsync(app.RootUri, output);
        var unitPage = coordinator.Page;
        await SignInAsync(coordinator, CoordinatorEmail, app.Options.AdminPassword);
        await coordinator.ClickAsync(Menu(unitPage).GetByRole(AriaRole.Link, new() { Name = "Evaluation", Exact = true }), "/evaluation/results");
        await coordinator.ClickAsync(MainContent(unitPage).GetByRole(AriaRole.Link, new() { Name = "Change evaluation settings", Exact = true }), "/evaluation/settings");
        await unitPage.GetByLabel("Hold each certificate until its training has been evaluated", new() { Exact = true }).CheckAsync();
        await coordinator.ClickAsync(Button(unitPage, "Save settings"), "/evaluation/settings");
        await Expect(SuccessBanner(unitPage)).ToContainTextAsync("Evaluation settings saved.");

        // 2. Sunil creates his account and passes basic awareness; his certificate waits for the evaluation.
        await using var practitioner = await browser.NewSessionAsync(app.RootUri, output);
        var page = practitioner.Page;
        await practitioner.RegisterAndConfirmAsync(app, "Sunil", "Mehta", Email, Agency, "Customer services adviser", Password);
        await practitioner.GotoAsync($"/courses/{CourseCode}");
        await practitioner.ClickAsync(Button(page, "Start the course"), $"/learn/{CourseCode}");
        await practitioner.ClickAsync(MainContent(page).GetByRole(AriaRole.Link, new() { Name = "Start the first lesson" }), $"/learn/{CourseCode}/lessons/1");
        for (var lesson = 1; lesson < 6; lesson++)
        {
            await practitioner.ClickAsync(Button(page, "Next lesson"), $"/learn/{CourseCode}/lessons/{lesson + 1}");
        }
        await practitioner.ClickAsync(Button(page, "Go to the knowledge check"), $"/learn/{CourseCode}/check");
        foreach (var question in await page.Locator("fieldset").AllAsync())
        {
            var legend = QuestionNumber().Replace((await question.Locator("legend").InnerTextAsync()).Trim(), "");
            foreach (var answer in correctAnswers[legend])
            {
                await question.GetByLabel(answer, new() { Exact = true }).CheckAsync();
            }
        }
        await practitioner.ClickAsync(Button(page, "Submit answers"), $"/learn/{CourseCode}/result");
        await Expect(page.Locator(".govuk-panel__title")).ToHaveTextAsync("You passed");
        await Expect(MainContent(page)).ToContainTextAsync("Your certificate is ready once you evaluate the training");
        await Expect(MainContent(page).GetByRole(AriaRole.Link, new() { Name = "View and download your certificate" })).ToHaveCountAsync(0);

        // 3. The invitation job emails him; the link opens the evaluation of the course version he took.
        Assert.Equal(1, await app.InScopeAsync(services => services.GetRequiredService<EvaluationInvitationJob>().InviteAsync(CancellationToken.None)));
        var link = await EvaluationLinkAsync(app, Email);
        var number = await CertificateNumberAsync(app, Email);
        await practitioner.GotoAsync($"/certificates/{number}");
        await Expect(Heading(page, "Your certificate is ready once you evaluate the training")).ToBeVisibleAsync();
        await Expect(MainContent(page).GetByRole(AriaRole.Link, new() { Name = "Download PDF" })).ToHaveCountAsync(0);
        await practitioner.GotoAsync(link);
        await Expect(Heading(page, $"Evaluate {CourseTitle}")).ToBeVisibleAsync();

        // 4. Sending it unanswered names every missing answer; nothing is lost when he then answers.
        await practitioner.ClickAsync(Button(page, "Send your evaluation"), link);
        await Expect(page).ToHaveTitleAsync(new Regex("^Error: "));
        var summary = page.Locator(".govuk-error-summary");
        await Expect(summary).ToContainTextAsync("There is a problem");
        var outcomes = page.GetByRole(AriaRole.Group, new() { NameRegex = new Regex("^Learning outcome") });
        var outcomeCount = await outcomes.CountAsync();
        Assert.True(outcomeCount > 0, "The evaluation lists no learning outcomes.");
        await Expect(summary.GetByRole(AriaRole.Link)).ToHaveCountAsync(1 + (2 * outcomeCount));

        await page.GetByRole(AriaRole.Group, new() { Name = "How would you rate the training overall?" }).GetByLabel("4", new() { Exact = true }).CheckAsync();
        foreach (var outcome in await outcomes.AllAsync())
        {
            await outcome.GetByRole(AriaRole.Group, new() { NameRegex = new Regex("^Before the training") }).GetByLabel("2", new() { Exact = true }).CheckAsync();
            await outcome.GetByRole(AriaRole.Group, new() { NameRegex = new Regex("^Now") }).GetByLabel("4", new() { Exact = true }).CheckAsync();
        }
        await page.GetByLabel("What will you do differently after this training? (optional)", new() { Exact = true }).FillAsync(DoingDifferently);
        await practitioner.ClickAsync(Button(page, "Send your evaluation"), link);
        await Expect(page.Locator(".govuk-panel__title")).ToHaveTextAsync("Evaluation sent");

        // 5. The certificate is now his to download; opening the link again says it was already answered.
        await practitioner.ClickAsync(Menu(page).GetByRole(AriaRole.Link, new() { Name = "My learning", Exact = true }), "/my-learning");
        await Expect(MainContent(page).GetByRole(AriaRole.Row).Filter(new() { HasText = CourseTitle }).First).ToBeVisibleAsync();
        await practitioner.GotoAsync($"/certificates/{number}");
        await Expect(page.Locator("body")).ToContainTextAsync("Sunil Mehta");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Download PDF" })).ToBeVisibleAsync();
        await practitioner.GotoAsync(link);
        await Expect(Heading(page, "You have already evaluated this training")).ToBeVisibleAsync();

        // 6. The coordinator reads his comment on the course's results.
        await coordinator.ClickAsync(Menu(unitPage).GetByRole(AriaRole.Link, new() { Name = "Evaluation", Exact = true }), "/evaluation/results");
        await coordinator.ClickAsync(MainContent(unitPage).GetByRole(AriaRole.Link, new() { Name = CourseTitle, Exact = true }), $"/evaluation/results/{CourseCode}");
        await Expect(MainContent(unitPage)).ToContainTextAsync(DoingDifferently);

        // 7. The lead sees Northshire Homes' totals only: never who said what.
        await using var lead = await browser.NewSessionAsync(app.RootUri, output);
        var leadPage = lead.Page;
        await SignInAsync(lead, LeadEmail, app.Options.AdminPassword);
        await lead.ClickAsync(Menu(leadPage).GetByRole(AriaRole.Link, new() { Name = "Evaluation", Exact = true }), "/evaluation/results");
        await Expect(MainContent(leadPage)).Not.ToContainTextAsync("The partnership");
        await lead.ClickAsync(MainContent(leadPage).GetByRole(AriaRole.Link, new() { Name = Agency, Exact = true }), "/evaluation/results/agencies/[0-9a-f-]{36}");
        await Expect(Heading(leadPage, Agency)).ToBeVisibleAsync();
        await Expect(MainContent(leadPage)).Not.ToContainTextAsync(DoingDifferently);
        await Expect(MainContent(leadPage)).Not.ToContainTextAsync("Sunil");
        Assert.Equal(403, (await lead.Context.APIRequest.GetAsync($"/evaluation/results/{CourseCode}")).Status);

        // 8. Three months on, the follow-up asks whether his practice changed; the example appears only when he says yes.
        clock.Advance(TimeSpan.FromDays(93));
        var run = await app.InScopeAsync(services => services.GetRequiredService<EvaluationFollowUpJob>().SendAsync(CancellationToken.None));
        Assert.True(run.Sent >= 1, "No follow-up was sent."); // the demo's own completions of that time are followed up too
        var followUp = await EvaluationLinkAsync(app, Email, "/follow-up");
        await SignInAsync(practitioner, Email, Password);
        await practitioner.GotoAsync(followUp);
        await Expect(Heading(page, "Has the training changed your practice?")).ToBeVisibleAsync();
        await practitioner.ClickAsync(Button(page, "Send your answers"), followUp);
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("There is a problem");
        await page.GetByLabel("Yes, my practice has changed", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("If it has, give an example of something you now do differently", new() { Exact = true }).FillAsync(Example);
        await page.GetByLabel("About once a month", new() { Exact = true }).CheckAsync();
        await practitioner.ClickAsync(Button(page, "Send your answers"), followUp);
        await Expect(page.Locator(".govuk-panel__title")).ToHaveTextAsync("Answers sent");

        // 9. The example reaches the coordinator's impact section for the course.
        await SignInAsync(coordinator, CoordinatorEmail, app.Options.AdminPassword);
        await coordinator.GotoAsync($"/evaluation/results/{CourseCode}");
        await Expect(MainContent(unitPage)).ToContainTextAsync(Example);

        practitioner.AssertEveryPageChecked();
        coordinator.AssertEveryPageChecked();
        lead.AssertEveryPageChecked();
    }

    /// <summary>The path of the newest evaluation link (or its follow-up) emailed to <paramref name="email"/>.</summary>
    private static async Task<string> EvaluationLinkAsync(PortalApp app, string email, string suffix = "")
    {
        var bodies = await app.InScopeAsync(services => services.GetRequiredService<PortalDbContext>().Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.ToAddress == email).OrderByDescending(m => m.CreatedAt).Select(m => m.TextBody).ToListAsync());
        var pattern = new Regex($@"https?://[^\s/]+(/evaluation/[0-9a-f-]{{36}}{Regex.Escape(suffix)})(\s|$)");
        var link = bodies.Select(body => pattern.Match(body)).FirstOrDefault(m => m.Success);
        Assert.True(link is not null, $"No email to {email} links to an evaluation{suffix}.");
        return link.Groups[1].Value;
    }

    private static Task<string> CertificateNumberAsync(PortalApp app, string email) =>
        app.InScopeAsync(services =>
        {
            var db = services.GetRequiredService<PortalDbContext>();
            return db.Set<TrainingRecord>()
                .Where(r => r.Source == TrainingSource.ELearning && db.AllPractitioners().Any(p => p.Id == r.PractitionerId && p.Email == email))
                .OrderByDescending(r => r.CreatedAt).Select(r => r.CertificateNumber).FirstAsync();
        });

    private static Task<Dictionary<string, List<string>>> CorrectAnswersAsync(PortalApp app) =>
        app.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<PortalDbContext>();
            var version = await db.Set<CourseVersion>()
                .Where(v => db.Set<Course>().Any(c => c.Id == v.CourseId && c.Code == CourseCode))
                .OrderByDescending(v => v.Number).Select(v => v.Id).FirstAsync();
            var questions = await db.Set<Question>()
                .Where(q => q.CourseVersionId == version)
                .Select(q => new { q.Text, Correct = q.Options.Where(o => o.IsCorrect).Select(o => o.Text).ToList() })
                .ToListAsync();
            return questions.ToDictionary(q => q.Text, q => q.Correct);
        });

    [GeneratedRegex(@"^\d+\.\s*")]
    private static partial Regex QuestionNumber();
}
