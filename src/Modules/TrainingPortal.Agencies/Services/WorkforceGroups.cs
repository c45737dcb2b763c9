using Microsoft.EntityFrameworkCore;
using TrainingPortal.Agencies.Domain;
using TrainingPortal.Core;
using TrainingPortal.Core.Results;
using TrainingPortal.Data;
using TrainingPortal.Data.Auditing;

namespace TrainingPortal.Agencies.Services;

public sealed record WorkforceGroupSummary(int Id, string Code, string Name, string? Description, int Order, int CurrentMembers);

/// <summary>The partnership's workforce groups (what training each kind of role needs).</summary>
public sealed class WorkforceGroups(PortalDbContext db, AuditTrail audit, TimeProvider clock, ReferenceDataCache referenceData)
{
    public async Task<IReadOnlyList<WorkforceGroupSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        var today = UkTime.Today(clock);
        var current = db.CurrentMemberships(today);
        return await db.Set<WorkforceGroup>().AsNoTracking().OrderBy(g => g.Order).ThenBy(g => g.Code)
            .Select(g => new WorkforceGroupSummary(g.Id, g.Code, g.Name, g.Description, g.Order,
                current.Count(m => m.WorkforceGroupId == g.Id)))
            .ToListAsync(cancellationToken);
    }

    public Task<IReadOnlyList<LookupItem<int>>> LookupAsync(CancellationToken cancellationToken = default) =>
        referenceData.GroupsAsync(async () =>
            await db.Set<WorkforceGroup>().AsNoTracking().OrderBy(g => g.Order).Select(g => new LookupItem<int>(g.Id, g.Name)).ToListAsync(cancellationToken));

    /// <summary>Adds a group, or changes the one with that id.</summary>
    public async Task<OperationResult> SaveAsync(int? id, string? code, string? name, string? description, int order, CancellationToken cancellationToken = default)
    {
        code = code?.Trim().ToUpperInvariant();
        name = name?.Trim();
        var errors = new List<FieldError>();
        if (string.IsNullOrEmpty(code))
        {
            errors.Add(new("Code", "Enter a short code, like G2"));
        }
        else if (code.Length > 20)
        {
            errors.Add(new("Code", "Code must be 20 characters or fewer"));
        }
        else if (await db.Set<WorkforceGroup>().AnyAsync(g => g.Code == code && g.Id != id, cancellationToken))
        {
            errors.Add(new("Code", $"Another group already has the code {code}"));
        }
        if (string.IsNullOrEmpty(name))
        {
            errors.Add(new("Name", "Enter the group's name"));
        }
        else if (name.Length > 200)
        {
            errors.Add(new("Name", "Name must be 200 characters or fewer"));
        }
        if (description is { Length: > 2000 })
        {
            errors.Add(new("Description", "Description must be 2000 characters or fewer"));
        }
        if (errors.Count > 0)
        {
            return OperationResult.Failed(errors);
        }
        var group = id is null ? null : await db.Set<WorkforceGroup>().FindAsync([id], cancellationToken);
        if (id is not null && group is null)
        {
            return OperationResult.Failed("", "That group no longer exists.");
        }
        if (group is null)
        {
            group = new WorkforceGroup { Code = code!, Name = name! };
            db.Set<WorkforceGroup>().Add(group);
        }
        var details = AuditTrail.Describe(("Code", group.Id == 0 ? null : group.Code, code), ("Name", group.Id == 0 ? null : group.Name, name),
            ("Description", group.Description, description), ("Order", group.Id == 0 ? null : group.Order, order));
        group.Code = code!;
        group.Name = name!;
        group.Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
        group.Order = order;
        await db.SaveChangesAsync(cancellationToken);
        audit.Record(id is null ? "Workforce group added" : "Workforce group changed", "WorkforceGroup", group.Id, details);
        await db.SaveChangesAsync(cancellationToken);
        referenceData.Clear();
        return OperationResult.Success;
    }
}
