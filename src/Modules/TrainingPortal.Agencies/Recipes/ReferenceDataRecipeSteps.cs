using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TrainingPortal.Agencies.Domain;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Core.Recipes;
using TrainingPortal.Data;

namespace TrainingPortal.Agencies.Recipes;

/// <summary><c>{ "name": "Sectors", "sectors": [ { "name": "Health", "order": 1 } ] }</c>: adds missing sectors, updates order.</summary>
internal sealed class SectorsRecipeStep(PortalDbContext db, ReferenceDataCache referenceData) : IRecipeStep
{
    public string Name => "Sectors";

    public async Task ExecuteAsync(JsonElement step, RecipeContext context, CancellationToken cancellationToken)
    {
        var existing = await db.Set<Sector>().ToDictionaryAsync(s => s.Name, cancellationToken);
        var added = 0;
        foreach (var item in step.GetProperty("sectors").EnumerateArray())
        {
            var name = item.GetProperty("name").GetString()!;
            var order = item.TryGetProperty("order", out var o) ? o.GetInt32() : 0;
            if (existing.TryGetValue(name, out var sector))
            {
                sector.Order = order;
            }
            else
            {
                db.Set<Sector>().Add(new Sector { Name = name, Order = order });
                added++;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        referenceData.Clear();
        context.Log.Add($"Sectors: {added} added");
    }
}

/// <summary><c>{ "name": "WorkforceGroups", "groups": [ { "code", "name", "description", "order" } ] }</c>, matched by code.</summary>
internal sealed class WorkforceGroupsRecipeStep(PortalDbContext db, ReferenceDataCache referenceData) : IRecipeStep
{
    public string Name => "WorkforceGroups";

    public async Task ExecuteAsync(JsonElement step, RecipeContext context, CancellationToken cancellationToken)
    {
        var existing = await db.Set<WorkforceGroup>().ToDictionaryAsync(g => g.Code, cancellationToken);
        var added = 0;
        foreach (var item in step.GetProperty("groups").EnumerateArray())
        {
            var code = item.GetProperty("code").GetString()!.ToUpperInvariant();
            if (!existing.TryGetValue(code, out var group))
            {
                group = new WorkforceGroup { Code = code, Name = "" };
                db.Set<WorkforceGroup>().Add(group);
                added++;
            }
            group.Name = item.GetProperty("name").GetString()!;
            group.Description = item.TryGetProperty("description", out var d) ? d.GetString() : null;
            group.Order = item.TryGetProperty("order", out var o) ? o.GetInt32() : 0;
        }
        await db.SaveChangesAsync(cancellationToken);
        referenceData.Clear();
        context.Log.Add($"Workforce groups: {added} added");
    }
}

/// <summary><c>{ "name": "Agencies", "agencies": [ { "name", "sector", "teams": [] } ] }</c>, matched by name.</summary>
internal sealed class AgenciesRecipeStep(PortalDbContext db, TimeProvider clock) : IRecipeStep
{
    public string Name => "Agencies";

    public async Task ExecuteAsync(JsonElement step, RecipeContext context, CancellationToken cancellationToken)
    {
        var sectors = await db.Set<Sector>().ToDictionaryAsync(s => s.Name, s => s.Id, cancellationToken);
        var agencies = await db.Set<Agency>().Include(a => a.Teams).ToDictionaryAsync(a => a.Name, cancellationToken);
        var added = 0;
        foreach (var item in step.GetProperty("agencies").EnumerateArray())
        {
            var name = item.GetProperty("name").GetString()!;
            var sectorName = item.GetProperty("sector").GetString()!;
            if (!sectors.TryGetValue(sectorName, out var sectorId))
            {
                throw new InvalidOperationException($"Agencies step: agency {name} names unknown sector {sectorName}.");
            }
            if (!agencies.TryGetValue(name, out var agency))
            {
                agency = new Agency { Id = Guid.NewGuid(), Name = name, SectorId = sectorId, CreatedAt = clock.GetUtcNow().UtcDateTime };
                db.Set<Agency>().Add(agency);
                agencies[name] = agency;
                added++;
            }
            if (item.TryGetProperty("teams", out var teams))
            {
                foreach (var team in teams.EnumerateArray().Select(t => t.GetString()!))
                {
                    if (agency.Teams.All(t => t.Name != team))
                    {
                        agency.Teams.Add(new Team { Id = Guid.NewGuid(), AgencyId = agency.Id, Name = team });
                    }
                }
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        context.Log.Add($"Agencies: {added} added");
    }
}
