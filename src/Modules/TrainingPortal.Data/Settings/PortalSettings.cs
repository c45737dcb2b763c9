using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace TrainingPortal.Data.Settings;

/// <summary>Reads and writes <see cref="PortalSetting"/> rows. Each module names its own keys and defaults.</summary>
public sealed class PortalSettings(PortalDbContext db, TimeProvider clock)
{
    public const string PartnershipName = "Partnership:Name";
    public const string SetupCompletedAt = "Setup:CompletedAt";

    public async Task<string?> GetAsync(string key, CancellationToken cancellationToken = default) =>
        await db.Set<PortalSetting>().AsNoTracking().Where(s => s.Key == key).Select(s => s.Value).FirstOrDefaultAsync(cancellationToken);

    public async Task<int> GetIntAsync(string key, int defaultValue, CancellationToken cancellationToken = default) =>
        int.TryParse(await GetAsync(key, cancellationToken), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : defaultValue;

    /// <summary>Adds or changes a setting in the current unit of work; the caller saves.</summary>
    public async Task SetAsync(string key, string value, CancellationToken cancellationToken = default)
    {
        var setting = await db.Set<PortalSetting>().FindAsync([key], cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        if (setting is null)
        {
            db.Set<PortalSetting>().Add(new PortalSetting { Key = key, Value = value, UpdatedAt = now });
        }
        else if (setting.Value != value)
        {
            setting.Value = value;
            setting.UpdatedAt = now;
        }
    }
}
