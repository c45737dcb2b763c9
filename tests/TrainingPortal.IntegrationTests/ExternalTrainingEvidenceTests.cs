using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Catalogue.Domain;
using TrainingPortal.Data;

namespace TrainingPortal.IntegrationTests;

/// <summary>
/// Evidence for training done elsewhere, uploaded through the staff member's training page: only a file whose content is
/// what its name says is kept, and it downloads as an attachment of its checked type, on SQLite and on PostgreSQL.
/// </summary>
public class ExternalTrainingEvidenceTests
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task A_web_page_renamed_pdf_is_refused_on_the_page_and_a_real_pdf_downloads_as_a_pdf_attachment(TestDatabase database)
    {
        await using var app = await PortalApp.StartAsync(new PortalAppOptions { Database = database });
        var (agency, person, course) = await ArrangeStaffMemberAsync(app);
        var client = app.CreateBrowserlikeClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(app.Options.AdminEmail, app.Options.AdminPassword)).StatusCode);
        var url = $"/agencies/{agency}/practitioners/{person}/training";
        var webPage = Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body><script>fetch('/account')</script></body></html>");

        var refused = await client.PostFileFormAsync(url, Fields(course), "Evidence", "certificate.pdf", webPage, "application/pdf");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("<title>Error: ", page);
        Assert.Contains("href=\"#Evidence\">The selected file is not a real PDF. The evidence must be a PDF, PNG, JPG or DOCX file</a>", page);
        Assert.Contains("id=\"Evidence-error\"", page);
        Assert.Equal((0, 0), await CountsAsync(app, person));

        var recorded = await client.PostFileFormAsync(url, Fields(course), "Evidence", "certificate.pdf", Pdf, "application/pdf");

        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        Assert.Equal((1, 1), await CountsAsync(app, person));
        var recordId = await app.InScopeAsync(s => s.GetRequiredService<PortalDbContext>().Set<TrainingRecord>().Where(r => r.PractitionerId == person).Select(r => r.Id).SingleAsync());
        var download = await client.GetAsync($"/catalogue/approvals/{recordId}/evidence");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("certificate.pdf", download.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal("nosniff", Assert.Single(download.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
    }

    private static Dictionary<string, string> Fields(Guid course) => new()
    {
        ["Input.CourseId"] = course.ToString(),
        ["Input.CompletedOn.Day"] = "14",
        ["Input.CompletedOn.Month"] = "3",
        ["Input.CompletedOn.Year"] = "2025",
        ["Input.Provider"] = "Westshire Safeguarding Children Partnership",
        ["Input.Reason"] = "Half-day neglect workshop covering the same outcomes",
    };

    /// <summary>An agency with one member of staff, and the recipe's Neglect basic awareness course.</summary>
    private static async Task<(Guid Agency, Guid Person, Guid Course)> ArrangeStaffMemberAsync(PortalApp app)
    {
        var agency = await app.AgencyAsync("Northshire Community Health", "Health");
        var person = await app.AsUserAsync(PortalArrangements.SetUp, async s =>
        {
            var group = (await s.GetRequiredService<WorkforceGroups>().ListAsync()).Single(g => g.Code == "G2").Id;
            var added = await s.GetRequiredService<StaffRecords>().AddAsync(agency, new StaffInput
            {
                FirstName = "Nia", LastName = "Hughes", Email = "nia.hughes@health.example", JobTitle = "Health visitor", WorkforceGroupId = group,
                IsFrontline = true, StartDate = new DateOnly(2024, 9, 2),
            });
            Assert.True(added.Succeeded, PortalArrangements.Errors(added));
            return added.Value;
        });
        var course = await app.InScopeAsync(s => s.GetRequiredService<PortalDbContext>().Set<Course>().Where(c => c.Code == "NEG-BASIC").Select(c => c.Id).SingleAsync());
        return (agency, person, course);
    }

    /// <summary>The person's training records, and evidence files kept for anyone.</summary>
    private static Task<(int Records, int Evidence)> CountsAsync(PortalApp app, Guid person) => app.InScopeAsync(async s =>
    {
        var db = s.GetRequiredService<PortalDbContext>();
        return (await db.Set<TrainingRecord>().CountAsync(r => r.PractitionerId == person), await db.Set<TrainingEvidence>().CountAsync());
    });
}
