using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingPortal.Catalogue.Domain;
using TrainingPortal.Data;
using TrainingPortal.Testing;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;
using static TrainingPortal.BrowserTests.Locators;

namespace TrainingPortal.BrowserTests.Journeys;

/// <summary>
/// A practitioner new to the portal finds basic neglect awareness, works through its lessons and knowledge check,
/// downloads the certificate and checks it on the public verification page.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ELearningJourneyTests(BrowserFixture browser, ITestOutputHelper output)
{
    private const string CourseCode = "NEG-BASIC";
    private const string CourseTitle = "Neglect basic awareness";
    private const string Agency = "Northshire Homes";
    private const string Email = "rosa.mendes@northshire-homes.example";
    private const string Password = "amber-kettle-orchard-62";

    [Fact]
    public async Task Practitioner_completes_basic_awareness_downloads_the_certificate_and_verifies_it()
    {
        await using var app = await PortalApp.StartAsync(new PortalAppOptions { Recipe = "demo", UseKestrel = true });
        var correctAnswers = await CorrectAnswersAsync(app);
        await using var session = await browser.NewSessionAsync(app.RootUri, output);
        var page = session.Page;

        // 1. Create an account with the agency she works for.
        await session.GotoAsync("/account/login");
        await session.ClickAsync(MainContent(page).GetByRole(AriaRole.Link, new() { Name = "Create an account" }), "/account/register");
        await session.RegisterAndConfirmAsync(app, "Rosa", "Mendes", Email, Agency, "Tenancy sustainment officer", Password);

        // 2. Find the basic course by filtering the catalogue.
        await session.ClickAsync(Menu(page).GetByRole(AriaRole.Link, new() { Name = "Courses", Exact = true }), "/courses");
        await Expect(Heading(page, "Courses")).ToBeVisibleAsync();
        await page.GetByLabel("Keyword", new() { Exact = true }).FillAsync("neglect");
        await page.GetByLabel("Level", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Basic" });
        await session.ClickAsync(Button(page, "Apply filters"), "/courses");
        var results = MainContent(page).GetByRole(AriaRole.Heading, new() { Level = 2 }).GetByRole(AriaRole.Link);
        await Expect(results.GetByText(CourseTitle, new() { Exact = true })).ToBeVisibleAsync();
        await Expect(results.GetByText("Neglect advanced multi-agency practice", new() { Exact = true })).ToHaveCountAsync(0);
        await session.ClickAsync(results.GetByText(CourseTitle, new() { Exact = true }), $"/courses/{CourseCode}");
        await Expect(Heading(page, CourseTitle)).ToBeVisibleAsync();

        // 3. Start, leave after the second lesson, come back and carry on where she stopped.
        await session.ClickAsync(Button(page, "Start the course"), $"/learn/{CourseCode}");
        await session.ClickAsync(MainContent(page).GetByRole(AriaRole.Link, new() { Name = "Start the first lesson" }), $"/learn/{CourseCode}/lessons/1");
        await Expect(page.Locator(".govuk-caption-l")).ToContainTextAsync("lesson 1 of 6");
        await session.ClickAsync(Button(page, "Next lesson"), $"/learn/{CourseCode}/lessons/2");
        await session.ClickAsync(Button(page, "Next lesson"), $"/learn/{CourseCode}/lessons/3");

        await session.ClickAsync(Menu(page).GetByRole(AriaRole.Link, new() { Name = "My learning", Exact = true }), "/my-learning");
        await Expect(MainContent(page)).ToContainTextAsync(CourseTitle);
        await session.GotoAsync($"/learn/{CourseCode}");
        await session.ClickAsync(MainContent(page).GetByRole(AriaRole.Link, new() { Name = "Continue where you stopped" }), $"/learn/{CourseCode}/lessons/3");
        for (var lesson = 3; lesson < 6; lesson++)
        {
            await session.ClickAsync(Button(page, "Next lesson"), $"/learn/{CourseCode}/lessons/{lesson + 1}");
        }
        await session.ClickAsync(Button(page, "Go to the knowledge check"), $"/learn/{CourseCode}/check");

        // 4. Submitting with nothing answered keeps her on the page with the GOV.UK error summary.
        await Expect(Heading(page, "Knowledge check")).ToBeVisibleAsync();
        await session.ClickAsync(Button(page, "Submit answers"), $"/learn/{CourseCode}/check");
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("There is a problem");
        await Expect(page).ToHaveTitleAsync(new Regex("^Error: "));

        // 5. She answers every question correctly and passes.
        var questions = page.Locator("fieldset");
        Assert.Equal(correctAnswers.Count, await questions.CountAsync());
        foreach (var question in await questions.AllAsync())
        {
            var legend = (await question.Locator("legend").InnerTextAsync()).Trim();
            var text = QuestionNumber().Replace(legend, "");
            Assert.True(correctAnswers.TryGetValue(text, out var answers), $"Unexpected question on the page: {legend}");
            foreach (var answer in answers)
            {
                await question.GetByLabel(answer, new() { Exact = true }).CheckAsync();
            }
        }
        await session.ClickAsync(Button(page, "Submit answers"), $"/learn/{CourseCode}/result");
        await Expect(page.Locator(".govuk-panel__title")).ToHaveTextAsync("You passed");
        await Expect(page.Locator(".govuk-panel__body")).ToContainTextAsync("100%");

        // 6. The certificate: her name, the course, and a PDF to download.
        await session.ClickAsync(MainContent(page).GetByRole(AriaRole.Link, new() { Name = "View and download your certificate" }), "/certificates/[A-Z0-9-]+");
        var number = session.Path["/certificates/".Length..];
        Assert.Matches(CertificateNumber(), number);
        await Expect(page.Locator("body")).ToContainTextAsync("Rosa Mendes");
        await Expect(page.Locator("body")).ToContainTextAsync(CourseTitle);
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download PDF" }).ClickAsync());
        Assert.Equal($"certificate-{CourseCode}-{number}.pdf", download.SuggestedFilename);
        var pdf = await File.ReadAllBytesAsync(await download.PathAsync());
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));

        // 7. Anyone can check the number, typed as it is read out, and sees only name, course, date and validity.
        await using var visitor = await browser.NewSessionAsync(app.RootUri, output);
        var visitorPage = visitor.Page;
        await visitor.GotoAsync("/certificates/verify");
        await visitorPage.GetByLabel("Certificate number", new() { Exact = true }).FillAsync(number.ToLowerInvariant().Replace('-', ' '));
        await visitor.ClickAsync(Button(visitorPage, "Check"), "/certificates/verify");
        await Expect(visitorPage.Locator(".govuk-panel__title")).ToHaveTextAsync("This certificate is valid");
        var summary = visitorPage.Locator(".govuk-summary-list");
        await Expect(summary).ToContainTextAsync("Rosa Mendes");
        await Expect(summary).ToContainTextAsync(CourseTitle);
        await Expect(summary).ToContainTextAsync(number);
        await Expect(MainContent(visitorPage)).Not.ToContainTextAsync(Email);
        await Expect(MainContent(visitorPage)).Not.ToContainTextAsync(Agency);

        await visitorPage.GetByLabel("Certificate number", new() { Exact = true }).FillAsync("7KQM-2XRD-H9TB-4WNC");
        await visitor.ClickAsync(Button(visitorPage, "Check"), "/certificates/verify");
        await Expect(MainContent(visitorPage)).ToContainTextAsync("We cannot find a certificate with the number");

        session.AssertEveryPageChecked();
        visitor.AssertEveryPageChecked();
    }

    /// <summary>The published knowledge check's questions and the text of their correct answers.</summary>
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

    [GeneratedRegex("^[2-9A-HJKMNP-TV-Z]{4}(-[2-9A-HJKMNP-TV-Z]{4}){3}$")]
    private static partial Regex CertificateNumber();
}
