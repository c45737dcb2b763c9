using Microsoft.EntityFrameworkCore;
using TrainingPortal.Data.Auditing;

namespace TrainingPortal.Core.Tests;

public sealed class AuditTrailTests
{
    [Fact]
    public void Only_the_fields_that_changed_are_described()
    {
        var details = AuditTrail.Describe(("Job title", "Nurse", "Senior nurse"), ("Team", "East", "East"), ("Manager", "Sam Lee", "Ali Khan"));

        Assert.Equal("Job title: Nurse → Senior nurse; Manager: Sam Lee → Ali Khan", details);
    }

    [Fact]
    public void Nothing_is_described_when_nothing_changed()
    {
        Assert.Null(AuditTrail.Describe(("Job title", "Nurse", "Nurse"), ("Team", 3, 3), ("Frontline", true, true)));
    }

    [Fact]
    public void A_missing_or_empty_value_reads_as_none()
    {
        Assert.Equal("Team: (none) → East", AuditTrail.Describe(("Team", null, "East")));
        Assert.Equal("Employee reference: E123 → (none)", AuditTrail.Describe(("Employee reference", "E123", "")));
    }

    [Fact]
    public void Yes_and_no_describe_a_tick_box()
    {
        Assert.Equal("Frontline: yes → no", AuditTrail.Describe(("Frontline", true, false)));
    }

    [Fact]
    public void Dates_read_as_day_short_month_and_year()
    {
        Assert.Equal("Start date: 3 Mar 2026 → 14 Apr 2026",
            AuditTrail.Describe(("Start date", new DateOnly(2026, 3, 3), new DateOnly(2026, 4, 14))));
    }

    [Fact]
    public void Dates_are_in_English_whatever_the_server_locale()
    {
        var before = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("fr-FR");
            Assert.Equal("Start date: 3 Mar 2026 → 14 Apr 2026",
                AuditTrail.Describe(("Start date", new DateOnly(2026, 3, 3), new DateOnly(2026, 4, 14))));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = before;
        }
    }

    [Fact]
    public void A_field_going_from_missing_to_empty_is_not_reported_as_a_change()
    {
        Assert.Null(AuditTrail.Describe(("Job title", null, "")));
    }

    [Fact]
    public async Task A_recorded_change_says_who_made_it_and_when_once_saved()
    {
        using var database = new ModuleDatabase();
        var clock = new TestClock(new DateTimeOffset(2026, 3, 3, 14, 5, 0, TimeSpan.Zero));
        var user = new TestUser(Guid.NewGuid(), "lead@agency.example");
        await using (var db = database.CreateContext())
        {
            new AuditTrail(db, user, clock).Record("Membership changed", "Membership", 17, "Job title: Nurse → Senior nurse");
            await db.SaveChangesAsync();
        }

        await using var read = database.CreateContext();
        var entry = await read.AuditEntries.SingleAsync();
        Assert.Equal(("Membership changed", "Membership", "17"), (entry.Action, entry.SubjectType, entry.SubjectId));
        Assert.Equal((user.UserId, "lead@agency.example"), (entry.UserId, entry.UserName));
        Assert.Equal(clock.UtcNow.UtcDateTime, entry.OccurredAt);
        Assert.Equal("Job title: Nurse → Senior nurse", entry.Details);
    }

    [Fact]
    public async Task Very_long_details_are_cut_to_4000_characters_rather_than_failing_the_save()
    {
        using var database = new ModuleDatabase();
        await using (var db = database.CreateContext())
        {
            new AuditTrail(db, TestUser.Coordinator, new TestClock()).Record("Imported", "Agency", 1, new string('x', 5000));
            await db.SaveChangesAsync();
        }

        await using var read = database.CreateContext();
        Assert.Equal(4000, (await read.AuditEntries.SingleAsync()).Details!.Length);
    }

    [Fact]
    public async Task A_background_job_records_changes_as_the_person_who_asked_for_them()
    {
        using var database = new ModuleDatabase();
        var lead = Guid.NewGuid();
        await using (var db = database.CreateContext())
        {
            var audit = new AuditTrail(db, new TestUser(null, "system"), new TestClock());
            audit.ActFor(lead, "lead@agency.example");
            audit.Record("Membership added", "Membership", 5);
            await db.SaveChangesAsync();
        }

        await using var read = database.CreateContext();
        var entry = await read.AuditEntries.SingleAsync();
        Assert.Equal((lead, "lead@agency.example"), (entry.UserId, entry.UserName));
    }
}
