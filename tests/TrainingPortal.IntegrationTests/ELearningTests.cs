using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingPortal.Agencies.Domain;
using TrainingPortal.Catalogue.Domain;
using TrainingPortal.Data;

namespace TrainingPortal.IntegrationTests;

/// <summary>The e-learning journey over HTTP, as a practitioner's browser would make it.</summary>
public partial class ELearningTests
{
    private const string Password = "quiet-river-stone-31";

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task A_new_practitioner_completes_basic_awareness_and_gets_a_certificate_anyone_can_verify(TestDatabase database)
    {
        await using var app = await PortalApp.StartAsync(new PortalAppOptions { Database = database, Recipe = "demo" });
        var learner = await RegisterAsync(app, "Jordan", "Okoro", "jordan.okoro@northshire-homes.example");

        var started = await learner.PostFormAsync("/courses/NEG-BASIC?handler=Start", new Dictionary<string, string>(), formPage: "/courses/NEG-BASIC");
        Assert.Equal("/learn/NEG-BASIC", started.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await learner.GetAsync("/learn/NEG-BASIC/lessons/3")).StatusCode);
        var lessons = await CompleteLessonsAsync(learner, "NEG-BASIC");
        Assert.Equal(6, lessons);

        var failed = await AnswerAsync(app, learner, "NEG-BASIC", rightAnswers: false);
        Assert.Equal("/learn/NEG-BASIC/result", failed.Headers.Location?.OriginalString);
        Assert.Contains("You need 80% to pass", await learner.GetStringAsync("/learn/NEG-BASIC/result"));

        var passed = await AnswerAsync(app, learner, "NEG-BASIC", rightAnswers: true);
        Assert.Equal("/learn/NEG-BASIC/result", passed.Headers.Location?.OriginalString);
        var result = await learner.GetStringAsync("/learn/NEG-BASIC/result");
        Assert.Contains("You passed with 100%", result);
        var number = CertificatePattern().Match(result).Groups[1].Value;

        var myLearning = await learner.GetStringAsync("/my-learning");
        Assert.Contains("Neglect basic awareness", myLearning);
        Assert.Contains(number, myLearning);
        var certificate = await learner.GetStringAsync($"/certificates/{number}");
        Assert.Contains("Jordan Okoro", certificate);
        Assert.Contains("Certificate of completion", certificate);

        var anonymous = app.CreateBrowserlikeClient();
        var verified = await anonymous.GetStringAsync($"/certificates/verify/{number.ToLowerInvariant().Replace("-", " ")}");
        Assert.Contains("This certificate is valid", verified);
        Assert.Contains("Jordan Okoro", verified);
        Assert.Contains("Neglect basic awareness", verified);
        Assert.DoesNotContain("jordan.okoro@", verified);
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync($"/certificates/{number}")).StatusCode);
    }

    [Fact]
    public async Task The_certificate_downloads_as_a_PDF_printed_by_chromium()
    {
        Assert.True(File.Exists("/usr/bin/chromium"), "Debian's chromium is needed (build/test.sh installs it).");
        await using var app = await PortalApp.StartAsync(new PortalAppOptions { Recipe = "demo" });
        var learner = await RegisterAsync(app, "Sam", "Price", "sam.price@northshire-homes.example");
        await learner.PostFormAsync("/courses/THRESH?handler=Start", new Dictionary<string, string>(), formPage: "/courses/THRESH");
        await CompleteLessonsAsync(learner, "THRESH");
        await AnswerAsync(app, learner, "THRESH", rightAnswers: true);
        var number = CertificatePattern().Match(await learner.GetStringAsync("/learn/THRESH/result")).Groups[1].Value;

        var pdf = await learner.GetAsync($"/certificates/{number}?handler=Pdf");

        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var bytes = await pdf.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
        Assert.True(bytes.Length > 5_000);
    }

    [Fact]
    public async Task Another_persons_attempt_certificate_and_guessed_numbers_are_refused()
    {
        await using var app = await PortalApp.StartAsync(new PortalAppOptions { Recipe = "demo" });
        var owner = await RegisterAsync(app, "Ada", "Owner", "ada.owner@northshire-homes.example");
        var other = await RegisterAsync(app, "Ben", "Other", "ben.other@northshire-homes.example");
        await owner.PostFormAsync("/courses/THRESH?handler=Start", new Dictionary<string, string>(), formPage: "/courses/THRESH");
        await CompleteLessonsAsync(owner, "THRESH");
        var checkPage = await owner.GetStringAsync("/learn/THRESH/check");
        var attemptId = AttemptPattern().Match(checkPage).Groups[1].Value;

        await other.PostFormAsync("/courses/THRESH?handler=Start", new Dictionary<string, string>(), formPage: "/courses/THRESH");
        await CompleteLessonsAsync(other, "THRESH");
        var answers = await AnswersAsync(app, checkPage, rightAnswers: true, attemptId);
        var hijack = await other.PostFormAsync("/learn/THRESH/check", answers, formPage: "/learn/THRESH/check");
        Assert.Equal(HttpStatusCode.NotFound, hijack.StatusCode);
        Assert.Equal(0, await RecordCountAsync(app));

        await AnswerAsync(app, owner, "THRESH", rightAnswers: true);
        var number = CertificatePattern().Match(await owner.GetStringAsync("/learn/THRESH/result")).Groups[1].Value;
        var sentTwice = await owner.PostFormAsync("/learn/THRESH/check", answers, formPage: "/my-learning");
        Assert.Equal("/learn/THRESH", sentTwice.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/certificates/{number}")).StatusCode);
        var guess = number[..^1] + (number[^1] == '2' ? '3' : '2');
        var guessed = await other.GetAsync($"/certificates/verify/{guess}");
        Assert.Equal(HttpStatusCode.NotFound, guessed.StatusCode);
        Assert.Contains("We cannot find a certificate", await guessed.Content.ReadAsStringAsync());
        Assert.Equal(1, await RecordCountAsync(app));
    }

    [Fact]
    public async Task GCP2_resources_are_only_for_licensed_practitioners()
    {
        await using var app = await PortalApp.StartAsync(new PortalAppOptions { Recipe = "demo" });
        var resourceId = await app.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<PortalDbContext>();
            var course = await db.Set<Course>().SingleAsync(c => c.Code == "GCP2-PRAC");
            var resource = new CourseResource
            {
                Id = Guid.NewGuid(), CourseId = course.Id, Title = "GCP2 scale and guidance", FileName = "gcp2-scale.pdf",
                ContentType = "application/pdf", Content = "%PDF-1.4 test"u8.ToArray(), LicensedOnly = true,
            };
            db.Add(resource);
            await db.SaveChangesAsync();
            return resource.Id;
        });
        var unlicensed = await RegisterAsync(app, "Una", "Licensed", "una.licensed@northshire-homes.example");

        Assert.DoesNotContain("GCP2 scale and guidance", await unlicensed.GetStringAsync("/courses/GCP2-PRAC"));
        Assert.Equal(HttpStatusCode.NotFound, (await unlicensed.GetAsync($"/courses/GCP2-PRAC/resources/{resourceId}")).StatusCode);

        await app.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<PortalDbContext>();
            var practitioner = await db.Set<Practitioner>().SingleAsync(p => p.Email == "una.licensed@northshire-homes.example");
            var version = await db.Set<CourseVersion>().Join(db.Set<Course>().Where(c => c.Code == "GCP2-PRAC"), v => v.CourseId, c => c.Id, (v, c) => v).FirstAsync();
            await services.GetRequiredService<TrainingPortal.Catalogue.Services.TrainingRecords>()
                .AddCompletionAsync(practitioner.Id, version.Id, DateOnly.FromDateTime(DateTime.UtcNow), TrainingSource.Session, null);
            await db.SaveChangesAsync();
        });

        Assert.Contains("GCP2 scale and guidance", await unlicensed.GetStringAsync("/courses/GCP2-PRAC"));
        var download = await unlicensed.GetAsync($"/courses/GCP2-PRAC/resources/{resourceId}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_course_whose_prerequisite_is_missing_says_which_course_is_needed()
    {
        await using var app = await PortalApp.StartAsync(new PortalAppOptions { Recipe = "demo" });
        var learner = await RegisterAsync(app, "Nia", "New", "nia.new@northshire-homes.example");

        var page = await learner.GetStringAsync("/courses/NEG-ADV");

        Assert.Contains("Before this course you need to complete", page);
        Assert.Contains("Neglect basic awareness", page);
    }

    internal static async Task<HttpClient> RegisterAsync(PortalApp app, string first, string last, string email)
    {
        var agencyId = await app.InScopeAsync(services => services.GetRequiredService<PortalDbContext>().Set<Agency>()
            .Where(a => a.Name == "Northshire Homes").Select(a => a.Id).SingleAsync());
        return await app.RegisterAndConfirmAsync(new Newcomer(first, last, email, agencyId, "Tenancy support officer", Password));
    }

    /// <summary>Reads each lesson and presses its button, as a learner would; returns how many lessons there were.</summary>
    internal static async Task<int> CompleteLessonsAsync(HttpClient learner, string code)
    {
        var number = 1;
        while (true)
        {
            var page = $"/learn/{code}/lessons/{number}";
            var next = await learner.PostFormAsync(page, new Dictionary<string, string>(), formPage: page);
            var location = next.Headers.Location?.OriginalString;
            if (location != $"/learn/{code}/lessons/{number + 1}")
            {
                return number;
            }
            number++;
        }
    }

    /// <summary>Opens the knowledge check and submits every question, all right or all wrong.</summary>
    internal static async Task<HttpResponseMessage> AnswerAsync(PortalApp app, HttpClient learner, string code, bool rightAnswers)
    {
        var page = await learner.GetStringAsync($"/learn/{code}/check");
        var answers = await AnswersAsync(app, page, rightAnswers);
        return await learner.PostFormAsync($"/learn/{code}/check", answers, formPage: $"/learn/{code}/check");
    }

    private static async Task<List<KeyValuePair<string, string>>> AnswersAsync(PortalApp app, string checkPage, bool rightAnswers, string? attemptId = null)
    {
        var questionIds = QuestionPattern().Matches(checkPage).Select(m => Guid.Parse(m.Groups[1].Value)).Distinct().ToList();
        var options = await app.InScopeAsync(services => services.GetRequiredService<PortalDbContext>().Set<AnswerOption>().AsNoTracking()
            .Where(o => questionIds.Contains(o.QuestionId)).ToListAsync());
        var form = new List<KeyValuePair<string, string>> { new("attemptId", attemptId ?? AttemptPattern().Match(checkPage).Groups[1].Value) };
        foreach (var question in questionIds)
        {
            var chosen = options.Where(o => o.QuestionId == question && o.IsCorrect == rightAnswers).ToList();
            if (!rightAnswers)
            {
                chosen = chosen.Take(1).ToList();
            }
            // A "select all that apply" question sends one value per ticked box, under the same name.
            form.AddRange(chosen.Select(o => new KeyValuePair<string, string>($"q-{question}", o.Id.ToString())));
        }
        return form;
    }

    private static Task<int> RecordCountAsync(PortalApp app) => app.InScopeAsync(services =>
    {
        var db = services.GetRequiredService<PortalDbContext>();
        return db.Set<TrainingRecord>().CountAsync(r => db.Set<Practitioner>().Any(p => p.Id == r.PractitionerId
            && (p.Email == "ada.owner@northshire-homes.example" || p.Email == "ben.other@northshire-homes.example")));
    });

    [GeneratedRegex("/certificates/([2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4})")]
    private static partial Regex CertificatePattern();

    [GeneratedRegex("name=\"attemptId\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex AttemptPattern();

    [GeneratedRegex("name=\"q-([0-9a-f-]{36})\"")]
    private static partial Regex QuestionPattern();
}
