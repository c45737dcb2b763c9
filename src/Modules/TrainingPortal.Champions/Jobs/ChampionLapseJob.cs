using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Champions.Domain;
using TrainingPortal.Champions.Services;
using TrainingPortal.Core;
using TrainingPortal.Core.Modules;
using TrainingPortal.Data;
using TrainingPortal.Data.Auditing;

namespace TrainingPortal.Champions.Jobs;

/// <summary>
/// Lapses the active spell of every champion who is no longer on that agency's staff, ending it on their leaving date,
/// and takes the champion role from accounts left with no active spell in any agency. Daily at 05:30 UK time and once at
/// start-up (a missed day is caught up). Only active spells are touched, so running it again changes nothing.
/// </summary>
public sealed class ChampionLapseJob(PortalDbContext db, ChampionRoles roles, AuditTrail audit, TimeProvider clock, ILogger<ChampionLapseJob> logger)
{
    public const string RecurringJobId = "champion-lapses";

    /// <summary>05:30 every day, in UK time (the recurring job is registered with <see cref="UkTime.Zone"/>).</summary>
    public const string DailySchedule = "30 5 * * *";

    /// <summary>Lapses the spells of leavers as of today. Returns how many spells lapsed.</summary>
    [AutomaticRetry(Attempts = 3)]
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task<int> LapseLeaversAsync(CancellationToken cancellationToken)
    {
        var today = UkTime.Today(clock);
        var current = db.CurrentMemberships(today);
        var leavers = await (from s in db.Set<ChampionSpell>()
                             where s.Status == SpellStatus.Active
                             join c in db.Set<Champion>() on s.ChampionId equals c.Id
                             where !current.Any(m => m.AgencyId == c.AgencyId && m.PractitionerId == c.PractitionerId)
                             select new
                             {
                                 SpellId = s.Id,
                                 c.PractitionerId,
                                 LeftOn = db.AllMemberships().Where(m => m.AgencyId == c.AgencyId && m.PractitionerId == c.PractitionerId && m.LeavingDate != null)
                                     .Max(m => m.LeavingDate),
                             }).ToListAsync(cancellationToken);
        // The membership queries read without tracking, and so would the whole query: the spells are loaded again to change them.
        var ids = leavers.Select(l => l.SpellId).ToList();
        var spells = await db.Set<ChampionSpell>().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
        foreach (var leaver in leavers)
        {
            var spell = spells[leaver.SpellId];
            var leftOn = leaver.LeftOn ?? today;
            spell.Status = SpellStatus.Lapsed;
            spell.EndDate = leftOn < spell.StartDate ? spell.StartDate : leftOn;
            spell.Reason = leaver.LeftOn is null ? "No longer on the agency's staff" : "Left the agency";
            audit.Record("Champion lapsed", "Champion", spell.ChampionId, $"Ended {UkTime.FormatDate(spell.EndDate.Value)}: {spell.Reason}");
        }
        if (leavers.Count == 0)
        {
            return 0;
        }
        await db.SaveChangesAsync(cancellationToken);
        foreach (var practitionerId in leavers.Select(l => l.PractitionerId).Distinct())
        {
            await roles.ReconcileAsync(practitionerId, cancellationToken);
        }
        logger.LogInformation("Lapsed {Count} champion spells of people who left their agency", leavers.Count);
        return leavers.Count;
    }
}

/// <summary>Registers the daily lapse run and catches up at start-up (in-memory job storage forgets schedules).</summary>
internal sealed class ScheduleChampionLapses(IRecurringJobManager recurringJobs, IBackgroundJobClient jobs) : IStartupTask
{
    public Task RunAsync(CancellationToken cancellationToken)
    {
        recurringJobs.AddOrUpdate<ChampionLapseJob>(ChampionLapseJob.RecurringJobId, job => job.LapseLeaversAsync(CancellationToken.None),
            ChampionLapseJob.DailySchedule, new RecurringJobOptions { TimeZone = UkTime.Zone });
        jobs.Enqueue<ChampionLapseJob>(job => job.LapseLeaversAsync(CancellationToken.None));
        return Task.CompletedTask;
    }
}
