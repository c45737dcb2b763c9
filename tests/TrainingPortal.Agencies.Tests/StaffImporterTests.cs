using System.Text;
using Microsoft.EntityFrameworkCore;
using TrainingPortal.Agencies.Domain;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Core.Security;
using Xunit.Abstractions;

namespace TrainingPortal.Agencies.Tests;

public sealed class StaffImporterTests : IDisposable
{
    private readonly ImportPortal portal = new();

    public void Dispose() => portal.Dispose();

    private static readonly StaffLine Good = new("H-1", Email: "good.row@health.example");

    public static TheoryData<StaffLine, string, string> BadRows => new()
    {
        { new("H-2", FirstName: null), "First name", "Enter the first name" },
        { new("H-2", LastName: " "), "Last name", "Enter the last name" },
        { new("H-2", FirstName: new string('a', 101)), "First name", "Must be 100 characters or fewer" },
        { new("H-2", Email: "not-an-email"), "Email", "Enter an email address in the correct format, like name@example.org" },
        { new(null, Email: null), "Employee reference", "Enter an employee reference or an email address, so that this person can be matched next time" },
        { new(new string('R', 51)), "Employee reference", "Employee reference must be 50 characters or fewer" },
        { new("EXAMPLE"), "Employee reference", "This is the template’s example row: delete it before uploading the file" },
        { new("H-2", Group: "G9"), "Workforce group", "Unknown workforce group ‘G9’: use one of G1, G2, G3, G4" },
        { new("H-2", Group: null), "Workforce group", "Enter the workforce group, like G1" },
        { new("H-2", Frontline: "maybe"), "Frontline", "Frontline must be yes or no" },
        { new("H-2", StartDate: "31/02/2024"), "Start date", "Start date ‘31/02/2024’ must be a real date written like 31/01/2024 or 2024-01-31" },
        { new("H-2", StartDate: "02-09-2024"), "Start date", "Start date ‘02-09-2024’ must be a real date written like 31/01/2024 or 2024-01-31" },
        { new("H-2", LeavingDate: "next week"), "Leaving date", "Leaving date ‘next week’ must be a real date written like 31/01/2024 or 2024-01-31" },
        { new("H-2", StartDate: "02/09/2024", LeavingDate: "2024-08-31"), "Leaving date", "Leaving date must be the same as or after the start date" },
        { new("H-2", JobTitle: new string('j', 201)), "Job title", "Job title must be 200 characters or fewer" },
        { new("H-2", Team: new string('t', 201)), "Team", "Team name must be 200 characters or fewer" },
    };

    [Theory]
    [MemberData(nameof(BadRows))]
    public async Task A_bad_row_is_reported_by_row_and_column_and_nothing_is_applied(StaffLine bad, string column, string message)
    {
        var before = await portal.CountsAsync();

        var import = await portal.ImportCsvAsync(portal.Health, StaffFiles.Csv(Good, bad));

        Assert.Equal(StaffImportStatus.Invalid, import.Status);
        Assert.Equal(1, import.RowsWithErrors);
        Assert.Equal(new StaffImportLine(3, column, message), Assert.Single(await portal.ProblemsAsync(import.Id)));
        Assert.Equal(before, await portal.CountsAsync());
    }

    [Fact]
    public async Task Every_row_is_checked_and_all_problems_are_reported_together_in_row_order()
    {
        var csv = StaffFiles.Csv(
            new StaffLine("H-1", Email: "amy@health.example"),
            new StaffLine("H-1", Email: "ben@health.example", FirstName: null),
            new StaffLine("H-3", Email: "AMY@health.example", Group: "G7"),
            new StaffLine("H-4", Email: "dan@health.example"));

        var import = await portal.ImportCsvAsync(portal.Health, csv);

        Assert.Equal(2, import.RowsWithErrors);
        Assert.Equal(
        [
            new StaffImportLine(3, "Employee reference", "Employee reference H-1 is also on row 2"),
            new StaffImportLine(3, "First name", "Enter the first name"),
            new StaffImportLine(4, "Email", "Email amy@health.example is also on row 2"),
            new StaffImportLine(4, "Workforce group", "Unknown workforce group ‘G7’: use one of G1, G2, G3, G4"),
        ], await portal.ProblemsAsync(import.Id));
    }

    [Fact]
    public async Task A_workforce_group_may_be_given_by_code_or_name_in_any_case_and_dates_in_either_format()
    {
        var csv = StaffFiles.Csv(
            new StaffLine("H-1", Group: "g3", StartDate: "2023-04-01", LeavingDate: "31/12/2026"),
            new StaffLine("H-2", Group: "group 4: strategic", StartDate: "1/4/2023", Frontline: "No"));

        var import = await portal.ImportCsvAsync(portal.Health, csv);

        Assert.Equal(StaffImportStatus.Applied, import.Status);
        await using var db = portal.Database.CreateContext();
        var memberships = await db.Set<AgencyMembership>().OrderBy(m => m.EmployeeReference).ToListAsync();
        Assert.Equal([portal.Groups["G3"], portal.Groups["G4"]], memberships.Select(m => m.WorkforceGroupId));
        Assert.Equal([new DateOnly(2023, 4, 1), new DateOnly(2023, 4, 1)], memberships.Select(m => m.StartDate));
        Assert.Equal(new DateOnly(2026, 12, 31), memberships[0].LeavingDate);
        Assert.Equal([true, false], memberships.Select(m => m.IsFrontline));
    }

    [Fact]
    public async Task New_staff_are_added_with_one_audit_entry_per_record_and_a_summary_of_the_import()
    {
        var csv = StaffFiles.Csv(new StaffLine("H-1", "Amy", "Cole", "Amy.Cole@Health.example"), new StaffLine("H-2", "Ben", "Dale", null));

        var import = await portal.ImportCsvAsync(portal.Health, csv);

        Assert.Equal((StaffImportStatus.Applied, 2, 0, 0, 0), (import.Status, import.Added, import.Updated, import.Unchanged, import.Leavers));
        await using var db = portal.Database.CreateContext();
        var amy = await db.Set<Practitioner>().Include(p => p.Memberships).SingleAsync(p => p.LastName == "Cole");
        Assert.Equal("amy.cole@health.example", amy.Email);
        var membership = Assert.Single(amy.Memberships);
        Assert.Equal(("H-1", portal.HealthVisiting, "Health visitor", MembershipStatus.Confirmed), (membership.EmployeeReference, membership.TeamId, membership.JobTitle, membership.Status));
        var entries = await db.AuditEntries.OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(["Practitioner created", "Membership added", "Practitioner created", "Membership added", "Staff imported"], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal(TestUser.Coordinator.Name, e.UserName));
        Assert.Equal("staff.csv: 2 added, 0 updated, 0 marked as leavers, 0 unchanged, 0 new teams", entries[^1].Details);
    }

    [Fact]
    public async Task A_row_matched_by_employee_reference_updates_that_membership_and_records_what_changed()
    {
        var id = await portal.AddStaffAsync(portal.Health, "Priya", "Shah", "priya.shah@health.example", "H-1");

        var import = await portal.ImportCsvAsync(portal.Health,
            StaffFiles.Csv(new StaffLine("H-1", "Priya", "Shah-Khan", "priya.khan@health.example", JobTitle: "Senior health visitor")));

        Assert.Equal((1, 0), (import.Updated, import.Added));
        await using var db = portal.Database.CreateContext();
        var person = await db.Set<Practitioner>().Include(p => p.Memberships).SingleAsync();
        Assert.Equal((id, "Shah-Khan", "priya.khan@health.example"), (person.Id, person.LastName, person.Email));
        Assert.Equal("Senior health visitor", Assert.Single(person.Memberships).JobTitle);
        var changes = await db.AuditEntries.Where(e => e.Action.EndsWith("changed")).OrderBy(e => e.Id).Select(e => new { e.Action, e.Details }).ToListAsync();
        Assert.Equal(
        [
            new { Action = "Practitioner changed", Details = (string?)"Last name: Shah → Shah-Khan; Email: priya.shah@health.example → priya.khan@health.example" },
            new { Action = "Membership changed", Details = (string?)"Job title: Health visitor → Senior health visitor" },
        ], changes);
    }

    [Fact]
    public async Task A_row_matched_by_email_takes_its_new_employee_reference_and_blank_identifiers_keep_the_old_ones()
    {
        await portal.AddStaffAsync(portal.Health, "Amy", "Cole", "amy.cole@health.example", "OLD-1");
        await portal.AddStaffAsync(portal.Health, "Ben", "Dale", "ben.dale@health.example", "H-2");

        var import = await portal.ImportCsvAsync(portal.Health, StaffFiles.Csv(
            new StaffLine("NEW-1", "Amy", "Cole", "amy.cole@health.example"),
            new StaffLine(null, "Ben", "Dale", "ben.dale@health.example", JobTitle: "Nurse"),
            new StaffLine("H-2", "Ben", "Dale", null, JobTitle: "Nurse") with { Reference = "H-2" }));

        // Rows 3 and 4 are the same person: one by email, one by reference.
        Assert.Equal([new StaffImportLine(4, "Employee reference", "This is the same member of staff as row 3")], await portal.ProblemsAsync(import.Id));

        var applied = await portal.ImportCsvAsync(portal.Health, StaffFiles.Csv(
            new StaffLine("NEW-1", "Amy", "Cole", "amy.cole@health.example"),
            new StaffLine(null, "Ben", "Dale", "ben.dale@health.example", JobTitle: "Nurse")));

        Assert.Equal((StaffImportStatus.Applied, 2), (applied.Status, applied.Updated));
        await using var db = portal.Database.CreateContext();
        var references = await db.Set<AgencyMembership>().OrderBy(m => m.Practitioner!.FirstName).Select(m => m.EmployeeReference).ToListAsync();
        Assert.Equal(["NEW-1", "H-2"], references);
    }

    [Fact]
    public async Task A_person_known_by_email_in_another_agency_gains_a_membership_and_keeps_one_learning_record()
    {
        var id = await portal.AddStaffAsync(portal.Police, "Priya", "Shah", "priya.shah@health.example", "P-1");

        var import = await portal.ImportCsvAsync(portal.Health, StaffFiles.Csv(new StaffLine("H-7", "Priya", "Shah", "PRIYA.SHAH@health.example")));

        Assert.Equal((StaffImportStatus.Applied, 1), (import.Status, import.Added));
        await using var db = portal.Database.CreateContext();
        Assert.Equal(1, await db.Set<Practitioner>().CountAsync());
        var memberships = await db.Set<AgencyMembership>().Where(m => m.PractitionerId == id).OrderBy(m => m.EmployeeReference).ToListAsync();
        Assert.Equal([("H-7", portal.Health), ("P-1", portal.Police)], memberships.Select(m => (m.EmployeeReference, m.AgencyId)));
        Assert.Equal(["Membership added", "Staff imported"], await db.AuditEntries.Where(e => e.Id > 2).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
    }

    [Fact]
    public async Task A_leaving_date_marks_an_existing_member_of_staff_as_a_leaver()
    {
        await portal.AddStaffAsync(portal.Health, "Gone", "Soon", "gone@health.example", "H-3");
        await portal.AddStaffAsync(portal.Health, "Still", "Here", "still@health.example", "H-4");

        var import = await portal.ImportCsvAsync(portal.Health, StaffFiles.Csv(
            new StaffLine("H-3", "Gone", "Soon", "gone@health.example", LeavingDate: "31/05/2026"),
            new StaffLine("H-4", "Still", "Here", "still@health.example")));

        Assert.Equal((1, 1, 0), (import.Leavers, import.Unchanged, import.Updated));
        await using var db = portal.Database.CreateContext();
        var staff = portal.Staff(db);
        var current = (await staff.ListAsync(portal.Health, new StaffFilter(), 1)).Staff!;
        var leavers = (await staff.ListAsync(portal.Health, new StaffFilter(Status: StaffStatusFilter.Leavers), 1)).Staff!;
        Assert.Equal("Still Here", Assert.Single(current.Items).Name);
        Assert.Equal(("Gone Soon", new DateOnly(2026, 5, 31)), (Assert.Single(leavers.Items).Name, leavers.Items[0].LeavingDate));
        Assert.Equal("Leaving date: (none) → 31 May 2026", await db.AuditEntries.Where(e => e.Action == "Membership changed").Select(e => e.Details).SingleAsync());
    }

    [Fact]
    public async Task Unchanged_rows_are_counted_and_leave_no_audit_entry_of_their_own()
    {
        await portal.AddStaffAsync(portal.Health, "Amy", "Cole", "amy@health.example", "H-1");
        var before = (await portal.CountsAsync()).AuditEntries;

        var import = await portal.ImportCsvAsync(portal.Health, StaffFiles.Csv(new StaffLine("H-1", "Amy", "Cole", "amy@health.example")));

        Assert.Equal((StaffImportStatus.Applied, 1, 0), (import.Status, import.Unchanged, import.Updated));
        Assert.Equal(before + 1, (await portal.CountsAsync()).AuditEntries);
    }

    [Fact]
    public async Task An_unknown_team_is_added_to_the_agency_once_and_reported_as_a_new_team()
    {
        var csv = StaffFiles.Csv(new StaffLine("H-1", Team: "School nursing"), new StaffLine("H-2", Team: "school NURSING"), new StaffLine("H-3", Team: "HEALTH VISITING"));
        await using (var db = portal.Database.CreateContext())
        {
            var uploaded = await portal.Importer(db).UploadAsync(portal.Health, "staff.csv", new MemoryStream(Encoding.UTF8.GetBytes(csv)));
            await portal.Importer(db).ValidateAsync(uploaded.Value);
            var (_, report) = await portal.Reports(db).ReportAsync(portal.Health, uploaded.Value, 1);
            Assert.Equal((StaffImportStatus.Valid, 1, 3), (report!.Import.Status, report.Import.TeamsAdded, report.Import.Added));
            Assert.Equal([new StaffImportLine(2, "Team", "New team ‘School nursing’ will be added to the agency")], report.Notes);
            Assert.Equal(1, await db.Set<Team>().CountAsync());
        }

        await portal.ImportCsvAsync(portal.Health, csv);

        await using var check = portal.Database.CreateContext();
        var teams = await check.Set<AgencyMembership>().OrderBy(m => m.EmployeeReference).Select(m => m.Team!.Name).ToListAsync();
        Assert.Equal(["School nursing", "School nursing", "Health visiting"], teams);
        Assert.Equal("Team: School nursing", await check.AuditEntries.Where(e => e.Action == "Team added").Select(e => e.Details).SingleAsync());
    }

    [Fact]
    public async Task An_email_belonging_to_another_member_of_staff_is_refused()
    {
        await portal.AddStaffAsync(portal.Health, "Amy", "Cole", "amy@health.example", "H-1");
        await portal.AddStaffAsync(portal.Health, "Ben", "Dale", "ben@health.example", "H-2");
        await portal.AddStaffAsync(portal.Police, "Cat", "Eve", "cat@police.example", "P-1");

        var import = await portal.ImportCsvAsync(portal.Health, StaffFiles.Csv(
            new StaffLine("H-1", "Amy", "Cole", "ben@health.example"),
            new StaffLine("H-2", "Ben", "Dale", "cat@police.example")));

        Assert.Equal(
        [
            new StaffImportLine(2, "Email", "ben@health.example is the email of another member of your staff (employee reference H-2)"),
            new StaffImportLine(3, "Email", "Another person's record already uses the email cat@police.example"),
        ], await portal.ProblemsAsync(import.Id));
    }

    [Fact]
    public async Task A_self_registered_person_on_the_agencys_file_is_confirmed()
    {
        await using (var db = portal.Database.CreateContext())
        {
            var person = new Practitioner { Id = Guid.NewGuid(), FirstName = "Wait", LastName = "Ing", Email = "waiting@health.example" };
            db.Add(person);
            db.Add(new AgencyMembership { Id = Guid.NewGuid(), PractitionerId = person.Id, AgencyId = portal.Health, Status = MembershipStatus.AwaitingConfirmation });
            await db.SaveChangesAsync();
        }

        var import = await portal.ImportCsvAsync(portal.Health, StaffFiles.Csv(new StaffLine("H-9", "Wait", "Ing", "waiting@health.example")));

        Assert.Equal(1, import.Updated);
        await using var check = portal.Database.CreateContext();
        Assert.Equal(MembershipStatus.Confirmed, await check.Set<AgencyMembership>().Select(m => m.Status).SingleAsync());
    }

    [Fact]
    public async Task The_check_previews_the_changes_and_only_confirming_applies_them_as_the_person_who_confirmed()
    {
        await portal.AddStaffAsync(portal.Health, "Amy", "Cole", "amy@health.example", "H-1");
        await portal.AddStaffAsync(portal.Health, "Ben", "Dale", "ben@health.example", "H-2");
        await portal.AddStaffAsync(portal.Health, "Cat", "Eve", "cat@health.example", "H-3");
        var csv = StaffFiles.Csv(
            new StaffLine("H-1", "Amy", "Cole", "amy@health.example"),
            new StaffLine("H-2", "Ben", "Dale", "ben@health.example", JobTitle: "Nurse"),
            new StaffLine("H-3", "Cat", "Eve", "cat@health.example", LeavingDate: "2026-06-30"),
            new StaffLine("H-4", "Dan", "Fox", "dan@health.example"));
        var before = await portal.CountsAsync();
        Guid importId;
        await using (var db = portal.Database.CreateContext())
        {
            var uploaded = await portal.Importer(db).UploadAsync(portal.Health, "June staff.csv", new MemoryStream(Encoding.UTF8.GetBytes(csv)));
            importId = uploaded.Value;
            Assert.Equal("ValidateAsync", Assert.Single(portal.Jobs.Jobs).Method.Name);
        }
        var system = new TestUser(null, "system");
        await using (var job = portal.Database.CreateContext())
        {
            await portal.Importer(job, system).ValidateAsync(importId);
        }

        await using (var db = portal.Database.CreateContext())
        {
            var (_, preview) = await portal.Reports(db).ProgressAsync(portal.Health, importId);
            Assert.Equal((StaffImportStatus.Valid, 1, 1, 1, 1, 4, "Checked 4 rows"),
                (preview!.Status, preview.Added, preview.Updated, preview.Leavers, preview.Unchanged, preview.RowsProcessed, preview.ProgressText));
            Assert.Equal(before, await portal.CountsAsync());
            var confirmer = new TestUser(Guid.NewGuid(), "confirmer@partnership.example", Roles.TrainingCoordinator);
            Assert.True((await portal.Importer(db, confirmer).ConfirmAsync(portal.Health, importId)).Succeeded);
            Assert.False((await portal.Importer(db, confirmer).ConfirmAsync(portal.Health, importId)).Succeeded);
            Assert.Equal(["ValidateAsync", "ApplyAsync"], portal.Jobs.Jobs.Select(j => j.Method.Name));
        }
        await using (var job = portal.Database.CreateContext())
        {
            await portal.Importer(job, system).ApplyAsync(importId);
        }

        await using var check = portal.Database.CreateContext();
        var import = await check.Set<StaffImport>().SingleAsync();
        Assert.Equal((StaffImportStatus.Applied, null, "confirmer@partnership.example"), (import.Status, import.Content, import.ConfirmedByName));
        Assert.Equal(before.People + 1, (await portal.CountsAsync()).People);
        var written = await check.AuditEntries.Skip(before.AuditEntries).ToListAsync();
        Assert.Equal(["Membership added", "Membership changed", "Membership changed", "Practitioner created", "Staff imported"], written.Select(e => e.Action).Order());
        Assert.All(written, e => Assert.Equal("confirmer@partnership.example", e.UserName));
    }

    [Fact]
    public async Task Applying_checks_again_and_changes_nothing_if_the_staff_list_changed_since_the_check()
    {
        var csv = StaffFiles.Csv(new StaffLine("H-9", "Amy", "Cole", "b@health.example"), new StaffLine("H-10", "New", "Person", "new@health.example"));
        Guid importId;
        await using (var db = portal.Database.CreateContext())
        {
            importId = (await portal.Importer(db).UploadAsync(portal.Health, "staff.csv", new MemoryStream(Encoding.UTF8.GetBytes(csv)))).Value;
            await portal.Importer(db).ValidateAsync(importId);
            Assert.True((await portal.Importer(db).ConfirmAsync(portal.Health, importId)).Succeeded);
        }
        // Meanwhile someone adds H-9 by hand, and another person with the file's email for H-9.
        await portal.AddStaffAsync(portal.Health, "Amy", "Cole", "a@health.example", "H-9");
        await portal.AddStaffAsync(portal.Health, "Bea", "Bell", "b@health.example", null);
        var before = await portal.CountsAsync();

        await using (var job = portal.Database.CreateContext())
        {
            await portal.Importer(job).ApplyAsync(importId);
        }

        Assert.Equal(before, await portal.CountsAsync());
        Assert.Equal(
        [
            new StaffImportLine(0, "File", "The staff list changed after this file was checked, so nothing was changed. Correct the rows below and upload the file again"),
            new StaffImportLine(2, "Email", "b@health.example is the email of another member of your staff"),
        ], await portal.ProblemsAsync(importId));
        await using var check = portal.Database.CreateContext();
        Assert.Equal((StaffImportStatus.Invalid, null), await check.Set<StaffImport>().Select(i => new ValueTuple<StaffImportStatus, byte[]?>(i.Status, i.Content)).SingleAsync());
    }

    [Fact]
    public async Task A_lead_cannot_import_into_or_see_the_imports_of_an_agency_they_do_not_lead()
    {
        var leadId = Guid.NewGuid();
        await using (var setup = portal.Database.CreateContext())
        {
            setup.Add(new AgencyLead { AgencyId = portal.Police, UserId = leadId });
            await setup.SaveChangesAsync();
        }
        var lead = new TestUser(leadId, "lead@police.example", Roles.SafeguardingLead);
        var healthImport = (await portal.ImportCsvAsync(portal.Health, StaffFiles.Csv(new StaffLine("H-1")))).Id;
        var before = await portal.CountsAsync();
        await using var db = portal.Database.CreateContext();
        var importer = portal.Importer(db, lead);
        var reports = portal.Reports(db, lead);

        var refused = await importer.ImportAsync(portal.Health, "staff.csv", new MemoryStream(Encoding.UTF8.GetBytes(StaffFiles.Csv(new StaffLine("H-2")))));
        var uploaded = await importer.UploadAsync(portal.Health, "staff.csv", new MemoryStream(Encoding.UTF8.GetBytes(StaffFiles.Csv(new StaffLine("H-2")))));

        Assert.Equal("You cannot import staff into that agency.", Assert.Single(refused.Errors).Message);
        Assert.False(uploaded.Succeeded);
        Assert.Equal(Access.Forbidden, (await reports.ProgressAsync(portal.Health, healthImport)).Access);
        Assert.Equal(Access.Forbidden, (await reports.ReportAsync(portal.Health, healthImport, 1)).Access);
        Assert.Equal(Access.Forbidden, (await reports.RecentAsync(portal.Health)).Access);
        Assert.Equal(Access.NotFound, (await reports.ProgressAsync(portal.Police, healthImport)).Access);
        Assert.False((await importer.ConfirmAsync(portal.Police, healthImport)).Succeeded);
        Assert.False((await importer.CancelAsync(portal.Health, healthImport)).Succeeded);
        Assert.Null(await new StaffImportTemplate(db, new AgencyScope(db, lead)).WorkbookAsync(portal.Health));
        Assert.Equal(before, await portal.CountsAsync());
        Assert.Equal(1, await db.Set<StaffImport>().CountAsync());

        var own = await importer.ImportAsync(portal.Police, "staff.csv", new MemoryStream(Encoding.UTF8.GetBytes(StaffFiles.Csv(new StaffLine("P-2", Team: null))))); 
        Assert.Equal(StaffImportStatus.Applied, own.Value!.Status);
    }

    [Fact]
    public async Task Uploads_over_the_limits_or_of_the_wrong_type_are_refused_with_a_clear_message()
    {
        await using var db = portal.Database.CreateContext();
        var importer = portal.Importer(db);

        var tooBig = await importer.UploadAsync(portal.Health, "staff.csv", new MemoryStream(new byte[StaffImporter.MaxFileBytes + 1]));
        var wrongType = await importer.UploadAsync(portal.Health, "staff.docx", new MemoryStream([1, 2, 3]));
        var empty = await importer.UploadAsync(portal.Health, "staff.csv", new MemoryStream());

        Assert.Equal(new Core.Results.FieldError("Upload", "The selected file must be smaller than 5 MB"), Assert.Single(tooBig.Errors));
        Assert.Equal("The selected file must be an Excel workbook (.xlsx) or a CSV file (.csv)", Assert.Single(wrongType.Errors).Message);
        Assert.Equal("The selected file is empty", Assert.Single(empty.Errors).Message);
        Assert.Empty(portal.Jobs.Jobs);
        Assert.Equal(0, await db.Set<StaffImport>().CountAsync());
    }

    [Fact]
    public async Task A_zip_bomb_is_refused_by_upload_and_by_a_scripted_import_and_nothing_is_kept()
    {
        var workbook = StaffFiles.Workbook(StaffFiles.Headings, [["H-1", "Amy", "Cole", "amy@health.example", "Health visiting", "Nurse", "G2", "Yes", null, null]]);
        var bomb = ZipFiles.WithZeros(workbook, "xl/worksheets/sheet2.xml", 200 * ZipFiles.Megabyte);
        var before = await portal.CountsAsync();
        await using var db = portal.Database.CreateContext();
        var importer = portal.Importer(db);

        var uploaded = await importer.UploadAsync(portal.Health, "staff.xlsx", new MemoryStream(bomb));
        var imported = await importer.ImportAsync(portal.Health, "staff.xlsx", new MemoryStream(bomb));

        const string message = "The file unzips to more than 100 MB, so it cannot be a staff list. Check you chose the right file, or save your staff list as a new .xlsx or .csv file and upload that";
        Assert.Equal(new Core.Results.FieldError("Upload", message), Assert.Single(uploaded.Errors));
        Assert.Equal(new Core.Results.FieldError("Upload", message), Assert.Single(imported.Errors));
        Assert.Empty(portal.Jobs.Jobs);
        Assert.Equal(0, await db.Set<StaffImport>().CountAsync());
        Assert.Equal(before, await portal.CountsAsync());
    }

    [Fact]
    public async Task A_cancelled_or_abandoned_import_keeps_its_counts_but_not_the_file()
    {
        var csv = Encoding.UTF8.GetBytes(StaffFiles.Csv(new StaffLine("H-1")));
        await using var db = portal.Database.CreateContext();
        var importer = portal.Importer(db);
        var cancelled = (await importer.UploadAsync(portal.Health, "a.csv", new MemoryStream(csv))).Value;
        var abandoned = (await importer.UploadAsync(portal.Health, "b.csv", new MemoryStream(csv))).Value;
        await importer.ValidateAsync(abandoned);

        Assert.True((await importer.CancelAsync(portal.Health, cancelled)).Succeeded);
        Assert.Equal(0, await importer.ForgetAbandonedAsync());
        portal.Clock.UtcNow += StaffImporter.AbandonedAfter + TimeSpan.FromMinutes(1);
        Assert.Equal(1, await importer.ForgetAbandonedAsync());

        var imports = await db.Set<StaffImport>().AsNoTracking().OrderBy(i => i.FileName).ToListAsync();
        Assert.All(imports, i => Assert.Null(i.Content));
        Assert.All(imports, i => Assert.Equal(StaffImportStatus.Cancelled, i.Status));
        Assert.Equal(1, imports[1].Added);
        Assert.False((await importer.ConfirmAsync(portal.Health, abandoned)).Succeeded);
    }

    [Fact]
    public async Task An_xlsx_file_imports_the_same_as_a_csv()
    {
        var workbook = StaffFiles.Workbook(StaffFiles.Headings,
            [["H-1", "Amy", "Cole", "amy@health.example", "Health visiting", "Nurse", "G2", "Yes", new DateTime(2022, 2, 1), null]]);
        await using var db = portal.Database.CreateContext();

        var result = await portal.Importer(db).ImportAsync(portal.Health, "staff.xlsx", new MemoryStream(workbook));

        Assert.Equal((StaffImportStatus.Applied, 1), (result.Value!.Status, result.Value.Added));
        Assert.Equal(new DateOnly(2022, 2, 1), await db.Set<AgencyMembership>().Select(m => m.StartDate).SingleAsync());
    }

    [Fact]
    public async Task The_templates_read_back_with_their_example_row_refused_until_it_is_replaced()
    {
        await using var db = portal.Database.CreateContext();
        var template = new StaffImportTemplate(db, new AgencyScope(db, TestUser.Coordinator));

        foreach (var (name, content) in new[] { ("template.xlsx", await template.WorkbookAsync(portal.Health)), ("template.csv", await template.CsvAsync(portal.Health)) })
        {
            var result = await portal.Importer(db).ImportAsync(portal.Health, name, new MemoryStream(content!));

            Assert.Equal(StaffImportStatus.Invalid, result.Value!.Status);
            Assert.Equal([new StaffImportLine(2, "Employee reference", "This is the template’s example row: delete it before uploading the file")], await portal.ProblemsAsync(result.Value.Id));
        }
        var file = StaffFileReader.Read("template.xlsx", (await template.WorkbookAsync(portal.Health))!).Value!;
        Assert.Equal(new StaffFileRow(2, "EXAMPLE", "Sam", "Taylor", "sam.taylor@example.org", "Health visiting", "Health visitor", "G2", "yes", "2024-09-02", null, "Alex Morgan", "alex.morgan@example.org"),
            Assert.Single(file.Rows));
    }

    [Fact]
    public async Task A_ten_thousand_row_file_is_applied_in_full_with_its_updates_and_leavers()
    {
        for (var i = 0; i < 5; i++)
        {
            await portal.AddStaffAsync(portal.Health, "Existing", $"Person{i}", $"existing{i}@health.example", $"H-{i:00000}");
        }
        var lines = Enumerable.Range(0, 10_000).Select(i => new StaffLine($"H-{i:00000}", "Existing", $"Person{i}", $"existing{i}@health.example",
            Team: $"Team {i % 20}", Group: $"G{1 + i % 4}", LeavingDate: i % 100 == 0 ? "31/05/2026" : null)).ToArray();
        var csv = StaffFiles.Csv(lines);

        var import = await portal.ImportCsvAsync(portal.Health, csv);

        Assert.Equal(StaffImportStatus.Applied, import.Status);
        Assert.Equal(9_995, import.Added);
        Assert.Equal(5, import.Updated + import.Leavers);
        Assert.Equal(10_000, (await portal.CountsAsync()).Memberships);
    }
}
