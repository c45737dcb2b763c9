using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OfficeOpenXml;
using TrainingPortal.Agencies.Domain;
using TrainingPortal.Agencies.Jobs;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Core.Security;
using TrainingPortal.Data;
using TrainingPortal.Identity.Domain;
using Xunit.Abstractions;

namespace TrainingPortal.IntegrationTests;

/// <summary>
/// A staff file uploaded through the pages is checked and applied by the background jobs, all or nothing, on SQLite and
/// on PostgreSQL; and a lead only reaches their own agency's imports.
/// </summary>
/// <remarks>The job server is off, so each test runs the queued job itself, as the server would, and looks at the page in between.</remarks>
public partial class StaffImportTests
{
    private static readonly string[] Headings =
        ["Employee reference", "First name", "Last name", "Email", "Team", "Job title", "Workforce group", "Frontline", "Start date", "Leaving date"];

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task One_bad_row_among_many_leaves_the_staff_list_unchanged_and_the_report_names_that_row(TestDatabase database)
    {
        await using var app = await PortalApp.StartAsync(new PortalAppOptions { Database = database });
        var agency = await ArrangeAgencyWithStaffAsync(app, existing: 20);
        var rows = StaffRows(500, existing: 20);
        rows[249][6] = "G9";
        var before = await CountsAsync(app);
        var client = await SignedInAdminAsync(app);

        var upload = await UploadAsync(client, agency, "staff.csv", Encoding.UTF8.GetBytes(Csv(rows)));
        var importId = ImportIdFrom(upload);
        await RunJobAsync(app, job => job.ValidateAsync(importId, CancellationToken.None));
        var report = await client.GetStringAsync($"/agencies/{agency}/staff/import/{importId}");

        Assert.Equal(before, await CountsAsync(app));
        Assert.Contains("Your file has problems", report);
        Assert.Contains("<title>Error: ", report);
        Assert.Contains("1 row has a problem, so nothing has been changed.", report);
        Assert.Contains("href=\"#row-251\"", report);
        Assert.Contains("Row 251, Workforce group: Unknown workforce group ‘G9’: use one of G1, G2, G3, G4", WebUtility.HtmlDecode(report));
        Assert.DoesNotContain("Apply these changes", report);
        var stored = await app.InScopeAsync(s => s.GetRequiredService<PortalDbContext>().Set<StaffImport>().AsNoTracking().SingleAsync());
        Assert.Equal((StaffImportStatus.Invalid, 500, 1, null), (stored.Status, stored.RowsTotal, stored.RowsWithErrors, stored.Content));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task A_good_workbook_is_checked_previewed_confirmed_and_applied_in_full(TestDatabase database)
    {
        await using var app = await PortalApp.StartAsync(new PortalAppOptions { Database = database });
        var agency = await ArrangeAgencyWithStaffAsync(app, existing: 20);
        var rows = StaffRows(300, existing: 20);
        rows[0][5] = "Senior health visitor";
        rows[1][9] = "31/05/2026";
        var before = await CountsAsync(app);
        var client = await SignedInAdminAsync(app);
        Assert.Contains($"href=\"/agencies/{agency}/staff/import\"", await client.GetStringAsync($"/agencies/{agency}/practitioners"));

        var upload = await UploadAsync(client, agency, "June staff.xlsx", Workbook(rows));
        var importId = ImportIdFrom(upload);
        var statusUrl = $"/agencies/{agency}/staff/import/{importId}";
        var checking = await client.GetStringAsync(statusUrl);
        Assert.Contains("Checking your file", checking);
        Assert.Contains("Waiting to check 300 rows", checking);
        Assert.Contains("aria-live=\"polite\"", checking);
        Assert.Contains($"href=\"{statusUrl}\">Refresh</a>", checking);
        Assert.Matches("<script type=\"module\" src=\"/_content/TrainingPortal.Theme/js/progress.js", checking);
        Assert.DoesNotContain("http-equiv", checking);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/_content/TrainingPortal.Theme/js/progress.js")).StatusCode);

        await RunJobAsync(app, job => job.ValidateAsync(importId, CancellationToken.None));
        var progress = await client.GetStringAsync($"{statusUrl}?handler=Progress");
        var preview = WebUtility.HtmlDecode(await client.GetStringAsync(statusUrl));
        Assert.Equal("{\"status\":\"Valid\",\"inProgress\":false,\"text\":\"Checked 300 rows\",\"percent\":100}", progress);
        Assert.Contains("Check the changes before you apply them", preview);
        Assert.Matches(@"New staff</dt><dd class=""govuk-summary-list__value"">280<", preview);
        Assert.Matches(@"Staff details updated</dt><dd class=""govuk-summary-list__value"">1<", preview);
        Assert.Matches(@"Marked as leavers</dt><dd class=""govuk-summary-list__value"">1<", preview);
        Assert.Matches(@"Unchanged</dt><dd class=""govuk-summary-list__value"">18<", preview);
        Assert.Contains("New team ‘Team 3’ will be added to the agency", preview);
        Assert.Equal(before, await CountsAsync(app));

        var confirm = await client.PostFormAsync($"{statusUrl}?handler=Confirm", [], formPage: statusUrl);
        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        Assert.Contains("Applying your file", await client.GetStringAsync(statusUrl));
        await RunJobAsync(app, job => job.ApplyAsync(importId, CancellationToken.None));
        var applied = await client.GetStringAsync(statusUrl);

        Assert.Contains("govuk-panel--confirmation", applied);
        Assert.Contains("Staff list updated", applied);
        var after = await CountsAsync(app);
        Assert.Equal((before.People + 280, before.Memberships + 280, before.Teams + 4), (after.People, after.Memberships, after.Teams));
        var facts = await app.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<PortalDbContext>();
            var first = await db.Set<AgencyMembership>().SingleAsync(m => m.AgencyId == agency && m.EmployeeReference == "E00000");
            var leaver = await db.Set<AgencyMembership>().SingleAsync(m => m.AgencyId == agency && m.EmployeeReference == "E00001");
            var import = await db.Set<StaffImport>().AsNoTracking().SingleAsync();
            var summary = await db.AuditEntries.Where(e => e.Action == "Staff imported").Select(e => e.UserName + ": " + e.Details).SingleAsync();
            return (first.JobTitle, leaver.LeavingDate, import.Status, import.Content, summary);
        });
        Assert.Equal(("Senior health visitor", new DateOnly(2026, 5, 31), StaffImportStatus.Applied, (byte[]?)null,
            $"{app.Options.AdminEmail}: June staff.xlsx: 280 added, 1 updated, 1 marked as leavers, 18 unchanged, 4 new teams"), facts);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task A_lead_gets_403_for_another_agencys_import_pages_and_404_for_an_import_that_is_not_their_agencys(TestDatabase database)
    {
        await using var app = await PortalApp.StartAsync(new PortalAppOptions { Database = database, Recipe = "demo" });
        var (police, health) = await app.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<PortalDbContext>();
            return (await db.Set<Agency>().Where(a => a.Name == "Northshire Police").Select(a => a.Id).SingleAsync(),
                await db.Set<Agency>().Where(a => a.Name == "Northshire Community Health NHS Trust").Select(a => a.Id).SingleAsync());
        });
        var coordinator = app.CreateBrowserlikeClient();
        await coordinator.SignInAsync("sophie.ashworth@northshire-scp.example", app.Options.AdminPassword);
        var healthImport = ImportIdFrom(await UploadAsync(coordinator, health, "staff.csv", Encoding.UTF8.GetBytes(Csv(StaffRows(3, existing: 0)))));
        var lead = app.CreateBrowserlikeClient();
        await lead.SignInAsync("ben.bland@northshire-police.example", app.Options.AdminPassword);

        Assert.Equal(HttpStatusCode.OK, (await lead.GetAsync($"/agencies/{police}/staff/import")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await lead.GetAsync($"/agencies/{health}/staff/import")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await lead.GetAsync($"/agencies/{health}/staff/import/template.xlsx")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await lead.GetAsync($"/agencies/{health}/staff/import/{healthImport}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await lead.GetAsync($"/agencies/{health}/staff/import/{healthImport}?handler=Progress")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await lead.GetAsync($"/agencies/{police}/staff/import/{healthImport}")).StatusCode);
        var forgedCancel = await lead.PostFormAsync($"/agencies/{police}/staff/import/{healthImport}?handler=Cancel", [], formPage: $"/agencies/{police}/staff/import");
        var forgedUpload = await UploadAsync(lead, health, "staff.csv", Encoding.UTF8.GetBytes(Csv(StaffRows(3, existing: 0))), formPage: $"/agencies/{police}/staff/import");

        Assert.Equal(HttpStatusCode.Forbidden, forgedUpload.StatusCode);
        Assert.NotEqual(HttpStatusCode.Redirect, forgedCancel.StatusCode);
        var imports = await app.InScopeAsync(s => s.GetRequiredService<PortalDbContext>().Set<StaffImport>().AsNoTracking().Select(i => new { i.AgencyId, i.Status }).ToListAsync());
        Assert.Equal(StaffImportStatus.Uploaded, Assert.Single(imports).Status);

        var template = await lead.GetAsync($"/agencies/{police}/staff/import/template.xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", template.Content.Headers.ContentType!.MediaType);
        using var workbook = new ExcelPackage(new MemoryStream(await template.Content.ReadAsByteArrayAsync()));
        Assert.Equal(["Staff", "Lists"], workbook.Workbook.Worksheets.Select(w => w.Name));
        Assert.Equal("Workforce group code", workbook.Workbook.Worksheets["Lists"].Cells[1, 1].Value);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task Ten_thousand_staff_are_checked_and_applied_in_one_go_through_the_importer(TestDatabase database)
    {
        await using var app = await PortalApp.StartAsync(new PortalAppOptions { Database = database });
        var agency = await ArrangeAgencyWithStaffAsync(app, existing: 100);
        var csv = Encoding.UTF8.GetBytes(Csv(StaffRows(10_000, existing: 100)));
        var admin = await AdminAsync(app);

        var result = await app.AsUserAsync(admin, s => s.GetRequiredService<StaffImporter>().ImportAsync(agency, "staff.csv", new MemoryStream(csv)));

        Assert.Equal((StaffImportStatus.Applied, 9_900, 100), (result.Value!.Status, result.Value.Added, result.Value.Unchanged));
        Assert.Equal(10_000, await app.InScopeAsync(s => s.GetRequiredService<PortalDbContext>().Set<AgencyMembership>().CountAsync(m => m.AgencyId == agency)));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task A_zip_bomb_or_a_file_that_is_not_a_workbook_is_refused_on_the_upload_page_and_nothing_is_kept(TestDatabase database)
    {
        await using var app = await PortalApp.StartAsync(new PortalAppOptions { Database = database });
        var agency = await ArrangeAgencyWithStaffAsync(app, existing: 2);
        var bomb = ZipFiles.WithZeros(Workbook(StaffRows(5, existing: 2)), "xl/media/image1.png", 200 * ZipFiles.Megabyte);
        Assert.True(bomb.Length < StaffImporter.MaxFileBytes, $"The zip bomb is {bomb.Length:N0} bytes");
        var webPage = Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body>Staff list</body></html>");
        var before = await CountsAsync(app);
        var client = await SignedInAdminAsync(app);

        var bombed = await UploadAsync(client, agency, "staff.xlsx", bomb);
        var renamed = await UploadAsync(client, agency, "staff.xlsx", webPage);
        var scripted = await app.AsUserAsync(await AdminAsync(app), s => s.GetRequiredService<StaffImporter>().ImportAsync(agency, "staff.xlsx", new MemoryStream(bomb)));

        const string unzips = "The file unzips to more than 100 MB, so it cannot be a staff list. Check you chose the right file, or save your staff list as a new .xlsx or .csv file and upload that";
        foreach (var (response, message) in new[] { (bombed, unzips), (renamed, "The file could not be read as an Excel workbook. Save it as .xlsx or .csv and upload it again") })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            Assert.Contains("<title>Error: ", page);
            Assert.Contains($"href=\"#Upload\">{message}</a>", page);
            Assert.Contains($"<p id=\"Upload-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> {message}</p>", page);
        }
        Assert.Equal(unzips, Assert.Single(scripted.Errors).Message);
        Assert.Equal(before, await CountsAsync(app));
        Assert.Equal(0, await app.InScopeAsync(s => s.GetRequiredService<PortalDbContext>().Set<StaffImport>().CountAsync()));
    }

    /// <summary>
    /// Rows for employee references E00000 upwards; the first <paramref name="existing"/> repeat exactly what
    /// <see cref="ArrangeAgencyWithStaffAsync"/> added, the rest are new people in teams 0 to 4 (team 0 exists).
    /// </summary>
    private static List<string?[]> StaffRows(int count, int existing) =>
        Enumerable.Range(0, count).Select(i => new string?[]
        {
            $"E{i:00000}", "Staff", $"Member{i}", $"staff.member{i}@agency.example", i < existing ? "Team 0" : $"Team {i % 5}", "Health visitor",
            "G2", "yes", "02/09/2024", null,
        }).ToList();

    private static string Csv(IEnumerable<string?[]> rows) =>
        string.Join("\r\n", new[] { Headings.Select(h => (string?)h).ToArray() }.Concat(rows).Select(r => string.Join(',', r.Select(CsvParser.Quote)))) + "\r\n";

    private static byte[] Workbook(IEnumerable<string?[]> rows)
    {
        using var package = new ExcelPackage();
        var sheet = package.Workbook.Worksheets.Add("Staff");
        for (var c = 0; c < Headings.Length; c++)
        {
            sheet.Cells[1, c + 1].Value = Headings[c];
        }
        var r = 2;
        foreach (var row in rows)
        {
            for (var c = 0; c < row.Length; c++)
            {
                // Dates as real Excel dates, as a spreadsheet holds them.
                sheet.Cells[r, c + 1].Value = c is 8 or 9 && row[c] is { } text ? DateTime.ParseExact(text, "dd/MM/yyyy", null) : row[c];
            }
            r++;
        }
        sheet.Column(9).Style.Numberformat.Format = "dd/mm/yyyy";
        sheet.Column(10).Style.Numberformat.Format = "dd/mm/yyyy";
        return package.GetAsByteArray();
    }

    private static async Task<SignedInUser> AdminAsync(PortalApp app) => await app.InScopeAsync(async s =>
    {
        var user = await s.GetRequiredService<UserManager<PortalUser>>().FindByEmailAsync(app.Options.AdminEmail);
        return new SignedInUser(user!.Id, app.Options.AdminEmail, Roles.Administrator);
    });

    /// <summary>An agency with "Team 0" and <paramref name="existing"/> staff added through the staff form's service.</summary>
    private static async Task<Guid> ArrangeAgencyWithStaffAsync(PortalApp app, int existing)
    {
        var admin = await AdminAsync(app);
        return await app.AsUserAsync(admin, async s =>
        {
            var directory = s.GetRequiredService<AgencyDirectory>();
            var sector = (await directory.SectorsAsync()).Single(x => x.Name == "Health").Id;
            var agency = (await directory.CreateAsync("Northshire Community Health", sector)).Value;
            Assert.True((await directory.AddTeamAsync(agency, "Team 0")).Succeeded);
            var team = (await directory.TeamsAsync(agency)).Single().Id;
            var group = (await s.GetRequiredService<WorkforceGroups>().ListAsync()).Single(g => g.Code == "G2").Id;
            var staff = s.GetRequiredService<StaffRecords>();
            for (var i = 0; i < existing; i++)
            {
                var added = await staff.AddAsync(agency, new StaffInput
                {
                    FirstName = "Staff", LastName = $"Member{i}", Email = $"staff.member{i}@agency.example", EmployeeReference = $"E{i:00000}", TeamId = team,
                    JobTitle = "Health visitor", WorkforceGroupId = group, IsFrontline = true, StartDate = new DateOnly(2024, 9, 2),
                });
                Assert.True(added.Succeeded, string.Join("; ", added.Errors.Select(e => e.Message)));
            }
            return agency;
        });
    }

    private static Task<(int People, int Memberships, int Teams, int AuditEntries)> CountsAsync(PortalApp app) => app.InScopeAsync(async s =>
    {
        var db = s.GetRequiredService<PortalDbContext>();
        return (await db.Set<Practitioner>().CountAsync(), await db.Set<AgencyMembership>().CountAsync(), await db.Set<Team>().CountAsync(), await db.AuditEntries.CountAsync());
    });

    private static async Task<HttpClient> SignedInAdminAsync(PortalApp app)
    {
        var client = app.CreateBrowserlikeClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(app.Options.AdminEmail, app.Options.AdminPassword)).StatusCode);
        return client;
    }

    private static Task RunJobAsync(PortalApp app, Func<StaffImportJob, Task> work) =>
        app.InScopeAsync(s => work(s.GetRequiredService<StaffImportJob>()));

    /// <summary>Posts the upload form as a browser does: multipart, with the page's antiforgery token.</summary>
    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid agencyId, string fileName, byte[] content, string? formPage = null)
    {
        var url = $"/agencies/{agencyId}/staff/import";
        var page = await client.GetStringAsync(formPage ?? url);
        var token = TokenPattern().Match(page);
        Assert.True(token.Success, "No antiforgery token on the upload page");
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(WebUtility.HtmlDecode(token.Groups[1].Value)), "__RequestVerificationToken");
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".csv") ? "text/csv" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(file, "Upload", fileName);
        return await client.PostAsync(url, form);
    }

    private static Guid ImportIdFrom(HttpResponseMessage upload)
    {
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        return Guid.Parse(upload.Headers.Location!.OriginalString.Split('/')[^1]);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
