using TrainingPortal.Data.Settings;

namespace TrainingPortal.Core.Tests;

public sealed class PortalSettingsTests : IDisposable
{
    private readonly ModuleDatabase database = new();
    private readonly TestClock clock = new();

    public void Dispose() => database.Dispose();

    [Fact]
    public async Task A_saved_setting_is_read_back_later()
    {
        await SetAsync(PortalSettings.PartnershipName, "Northshire Safeguarding Children Partnership");

        Assert.Equal("Northshire Safeguarding Children Partnership", await GetAsync(PortalSettings.PartnershipName));
    }

    [Fact]
    public async Task A_setting_never_set_reads_as_nothing()
    {
        Assert.Null(await GetAsync("Sessions:LateCancellationHours"));
    }

    [Fact]
    public async Task A_setting_that_is_not_saved_is_not_kept()
    {
        await using (var db = database.CreateContext())
        {
            await new PortalSettings(db, clock).SetAsync("Sessions:LateCancellationHours", "48");
        }

        Assert.Null(await GetAsync("Sessions:LateCancellationHours"));
    }

    [Fact]
    public async Task Changing_a_setting_replaces_its_value_and_records_when()
    {
        await SetAsync("Compliance:DueSoonDays", "60");
        clock.Advance(TimeSpan.FromDays(2));
        await SetAsync("Compliance:DueSoonDays", "30");

        Assert.Equal("30", await GetAsync("Compliance:DueSoonDays"));
        Assert.Equal(clock.UtcNow.UtcDateTime, await UpdatedAtAsync("Compliance:DueSoonDays"));
    }

    [Fact]
    public async Task Setting_the_same_value_again_keeps_the_time_it_last_changed()
    {
        await SetAsync("Compliance:DueSoonDays", "60");
        var changedAt = clock.UtcNow.UtcDateTime;
        clock.Advance(TimeSpan.FromDays(2));
        await SetAsync("Compliance:DueSoonDays", "60");

        Assert.Equal(changedAt, await UpdatedAtAsync("Compliance:DueSoonDays"));
    }

    [Fact]
    public async Task Setting_a_key_twice_before_saving_keeps_the_last_value()
    {
        await using (var db = database.CreateContext())
        {
            var settings = new PortalSettings(db, clock);
            await settings.SetAsync("Sessions:ReminderDaysBefore", "3");
            await settings.SetAsync("Sessions:ReminderDaysBefore", "5");
            await db.SaveChangesAsync();
        }

        Assert.Equal("5", await GetAsync("Sessions:ReminderDaysBefore"));
    }

    [Fact]
    public async Task A_whole_number_setting_is_read_as_a_number()
    {
        await SetAsync("Sessions:DidNotAttendChargePence", "5000");

        await using var db = database.CreateContext();
        Assert.Equal(5000, await new PortalSettings(db, clock).GetIntAsync("Sessions:DidNotAttendChargePence", 0));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("forty-eight")]
    [InlineData("4,8")]
    [InlineData("")]
    public async Task A_missing_or_unreadable_number_falls_back_to_the_default(string? stored)
    {
        if (stored is not null)
        {
            await SetAsync("Sessions:LateCancellationHours", stored);
        }

        await using var db = database.CreateContext();
        Assert.Equal(48, await new PortalSettings(db, clock).GetIntAsync("Sessions:LateCancellationHours", 48));
    }

    private async Task SetAsync(string key, string value)
    {
        await using var db = database.CreateContext();
        await new PortalSettings(db, clock).SetAsync(key, value);
        await db.SaveChangesAsync();
    }

    private async Task<string?> GetAsync(string key)
    {
        await using var db = database.CreateContext();
        return await new PortalSettings(db, clock).GetAsync(key);
    }

    private async Task<DateTime> UpdatedAtAsync(string key)
    {
        await using var db = database.CreateContext();
        return db.Set<PortalSetting>().Single(s => s.Key == key).UpdatedAt;
    }
}
