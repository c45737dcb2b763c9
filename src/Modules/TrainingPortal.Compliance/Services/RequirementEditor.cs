using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TrainingPortal.Agencies.Domain;
using TrainingPortal.Catalogue.Domain;
using TrainingPortal.Catalogue.Services;
using TrainingPortal.Compliance.Domain;
using TrainingPortal.Core.Results;
using TrainingPortal.Data;
using TrainingPortal.Data.Auditing;
using TrainingPortal.Data.Settings;

namespace TrainingPortal.Compliance.Services;

/// <summary>A requirement as the training unit fills it in.</summary>
public sealed class RequirementInput
{
    public string? Name { get; set; }

    /// <summary>The course people are sent to.</summary>
    public Guid? MainCourseId { get; set; }

    /// <summary>Other courses whose valid record also meets it (an approved external equivalent, a higher course).</summary>
    public List<Guid> AlternativeCourseIds { get; set; } = [];

    public List<int> WorkforceGroupIds { get; set; } = [];
}

/// <summary>A course the training unit can choose for a requirement.</summary>
public sealed record CourseChoice(Guid Id, string Code, string Title, bool IsPublished)
{
    public string Text => IsPublished ? $"{Title} ({Code})" : $"{Title} ({Code}, not published)";
}

/// <summary>Creates, changes and removes requirements and the due-soon window; every change goes in the audit trail.</summary>
public sealed class RequirementEditor(PortalDbContext db, PortalSettings settings, AuditTrail audit, TimeProvider clock)
{
    public async Task<RequirementInput?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var requirement = await db.Set<Requirement>().AsNoTracking().Include(r => r.Courses).Include(r => r.Groups)
            .SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (requirement is null)
        {
            return null;
        }
        var courses = requirement.Courses.OrderBy(c => c.Order).Select(c => c.CourseId).ToList();
        return new RequirementInput
        {
            Name = requirement.Name,
            MainCourseId = courses.FirstOrDefault(),
            AlternativeCourseIds = courses.Skip(1).ToList(),
            WorkforceGroupIds = requirement.Groups.Select(g => g.WorkforceGroupId).ToList(),
        };
    }

    /// <summary>
    /// The published courses by title, for choosing a requirement's courses, plus any of <paramref name="alsoInclude"/>
    /// that are not published (a requirement's current course that was withdrawn), so that saving the form keeps it.
    /// </summary>
    public async Task<IReadOnlyList<CourseChoice>> CourseChoicesAsync(IReadOnlyCollection<Guid> alsoInclude, CancellationToken cancellationToken = default)
    {
        var ids = alsoInclude.ToList();
        var choices = await (from v in db.CurrentCourseVersions().AsNoTracking()
                             join c in db.Set<Course>() on v.CourseId equals c.Id
                             where c.Status == CourseStatus.Published || ids.Contains(c.Id)
                             select new CourseChoice(c.Id, c.Code, v.Title, c.Status == CourseStatus.Published))
            .ToListAsync(cancellationToken);
        return choices.OrderBy(c => c.Title, StringComparer.OrdinalIgnoreCase).ThenBy(c => c.Code, StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>Adds a requirement (<paramref name="id"/> null) or changes one.</summary>
    public async Task<OperationResult<Guid>> SaveAsync(Guid? id, RequirementInput input, CancellationToken cancellationToken = default)
    {
        Requirement? requirement = null;
        if (id is { } existingId)
        {
            requirement = await db.Set<Requirement>().Include(r => r.Courses).Include(r => r.Groups).SingleOrDefaultAsync(r => r.Id == existingId, cancellationToken);
            if (requirement is null)
            {
                return OperationResult<Guid>.Failed("", "That requirement has been removed.");
            }
        }
        var errors = new List<FieldError>();
        var name = input.Name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            errors.Add(new(nameof(input.Name), "Enter a name for the requirement"));
        }
        else if (name.Length > 200)
        {
            errors.Add(new(nameof(input.Name), "Name must be 200 characters or fewer"));
        }
        else if (await db.Set<Requirement>().AnyAsync(r => r.Name == name && r.Id != id, cancellationToken))
        {
            errors.Add(new(nameof(input.Name), "Another requirement already has this name"));
        }
        var courseIds = (input.MainCourseId is { } main ? new[] { main } : []).Concat(input.AlternativeCourseIds.Where(c => c != input.MainCourseId)).Distinct().ToList();
        var known = await db.Set<Course>().Where(c => courseIds.Contains(c.Id)).Select(c => c.Id).ToListAsync(cancellationToken);
        if (input.MainCourseId is null || !known.Contains(input.MainCourseId.Value))
        {
            errors.Add(new(nameof(input.MainCourseId), "Select the course that meets this requirement"));
        }
        var groups = await db.Set<WorkforceGroup>().Where(g => input.WorkforceGroupIds.Contains(g.Id)).Select(g => g.Id).ToListAsync(cancellationToken);
        if (groups.Count == 0)
        {
            errors.Add(new(nameof(input.WorkforceGroupIds), "Select at least one workforce group that needs this training"));
        }
        if (errors.Count > 0)
        {
            return OperationResult<Guid>.Failed(errors);
        }
        var before = requirement is null ? null : await DescribeAsync(requirement, cancellationToken);
        if (requirement is null)
        {
            requirement = new Requirement
            {
                Id = Guid.NewGuid(), Name = name!, CreatedAt = clock.GetUtcNow().UtcDateTime,
                Order = (await db.Set<Requirement>().MaxAsync(r => (int?)r.Order, cancellationToken) ?? 0) + 1,
            };
            db.Set<Requirement>().Add(requirement);
        }
        requirement.Name = name!;
        Apply(requirement, courseIds.Where(known.Contains).ToList(), groups);
        var after = await DescribeAsync(requirement, cancellationToken);
        if (before is null)
        {
            audit.Record("Requirement added", "Requirement", requirement.Id, after);
        }
        else if (before != after)
        {
            audit.Record("Requirement changed", "Requirement", requirement.Id, $"{before} → {after}");
        }
        await db.SaveChangesAsync(cancellationToken);
        return OperationResult<Guid>.Ok(requirement.Id);
    }

    public async Task<OperationResult> RemoveAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var requirement = await db.Set<Requirement>().Include(r => r.Courses).Include(r => r.Groups).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (requirement is null)
        {
            return OperationResult.Failed("", "That requirement has already been removed.");
        }
        audit.Record("Requirement removed", "Requirement", requirement.Id, await DescribeAsync(requirement, cancellationToken));
        db.Set<Requirement>().Remove(requirement);
        await db.SaveChangesAsync(cancellationToken);
        return OperationResult.Success;
    }

    /// <summary>For recipes: a requirement by name, from course codes (main first) and workforce group codes.</summary>
    public async Task<OperationResult> SetByCodesAsync(string name, int order, IReadOnlyList<string> courseCodes, IReadOnlyList<string> groupCodes, CancellationToken cancellationToken = default)
    {
        var courses = await db.Set<Course>().Where(c => courseCodes.Contains(c.Code)).ToDictionaryAsync(c => c.Code, c => c.Id, StringComparer.OrdinalIgnoreCase, cancellationToken);
        var groups = await db.Set<WorkforceGroup>().Where(g => groupCodes.Contains(g.Code)).ToDictionaryAsync(g => g.Code, g => g.Id, StringComparer.OrdinalIgnoreCase, cancellationToken);
        var unknown = courseCodes.Where(c => !courses.ContainsKey(c)).Select(c => $"no course with the code {c}")
            .Concat(groupCodes.Where(g => !groups.ContainsKey(g)).Select(g => $"no workforce group with the code {g}")).ToList();
        if (unknown.Count > 0 || courseCodes.Count == 0)
        {
            return OperationResult.Failed("", unknown.Count > 0 ? string.Join("; ", unknown) : "it names no course");
        }
        var existing = await db.Set<Requirement>().Where(r => r.Name == name).Select(r => (Guid?)r.Id).SingleOrDefaultAsync(cancellationToken);
        var result = await SaveAsync(existing, new RequirementInput
        {
            Name = name,
            MainCourseId = courses[courseCodes[0]],
            AlternativeCourseIds = courseCodes.Skip(1).Select(c => courses[c]).ToList(),
            WorkforceGroupIds = groupCodes.Select(g => groups[g]).ToList(),
        }, cancellationToken);
        if (result.Succeeded)
        {
            await db.Set<Requirement>().Where(r => r.Id == result.Value).ExecuteUpdateAsync(s => s.SetProperty(r => r.Order, order), cancellationToken);
        }
        return result;
    }

    public async Task<string> DueSoonDaysAsync(CancellationToken cancellationToken = default) =>
        (await ComplianceSettings.DueSoonDaysAsync(settings, cancellationToken)).ToString(CultureInfo.InvariantCulture);

    public async Task<OperationResult> SaveDueSoonDaysAsync(string? days, CancellationToken cancellationToken = default)
    {
        if (!int.TryParse(days?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value > ComplianceSettings.MaxDueSoonDays)
        {
            return OperationResult.Failed("DueSoonDays", $"Enter the due-soon window as a whole number of days, from 0 to {ComplianceSettings.MaxDueSoonDays}");
        }
        var before = await ComplianceSettings.DueSoonDaysAsync(settings, cancellationToken);
        if (before != value)
        {
            await settings.SetAsync(ComplianceSettings.DueSoonDaysKey, value.ToString(CultureInfo.InvariantCulture), cancellationToken);
            audit.Record("Compliance settings changed", "Settings", "Compliance", AuditTrail.Describe(("Due-soon window (days)", before, value)));
            await db.SaveChangesAsync(cancellationToken);
        }
        return OperationResult.Success;
    }

    private static void Apply(Requirement requirement, IReadOnlyList<Guid> courseIds, IReadOnlyList<int> groupIds)
    {
        requirement.Courses.RemoveAll(c => !courseIds.Contains(c.CourseId));
        for (var i = 0; i < courseIds.Count; i++)
        {
            var course = requirement.Courses.FirstOrDefault(c => c.CourseId == courseIds[i]);
            if (course is null)
            {
                requirement.Courses.Add(new RequirementCourse { RequirementId = requirement.Id, CourseId = courseIds[i], Order = i });
            }
            else
            {
                course.Order = i;
            }
        }
        requirement.Groups.RemoveAll(g => !groupIds.Contains(g.WorkforceGroupId));
        foreach (var groupId in groupIds.Where(g => requirement.Groups.All(x => x.WorkforceGroupId != g)))
        {
            requirement.Groups.Add(new RequirementGroup { RequirementId = requirement.Id, WorkforceGroupId = groupId });
        }
    }

    /// <summary>"Neglect basic training: NEG-BASIC or NEG-ADV; groups G1, G2" for the audit trail.</summary>
    private async Task<string> DescribeAsync(Requirement requirement, CancellationToken cancellationToken)
    {
        var courseIds = requirement.Courses.Select(c => c.CourseId).ToList();
        var codes = await db.Set<Course>().Where(c => courseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Code, cancellationToken);
        var groupIds = requirement.Groups.Select(g => g.WorkforceGroupId).ToList();
        var groups = await db.Set<WorkforceGroup>().Where(g => groupIds.Contains(g.Id)).OrderBy(g => g.Order).Select(g => g.Code).ToListAsync(cancellationToken);
        var courses = requirement.Courses.OrderBy(c => c.Order).Select(c => codes.GetValueOrDefault(c.CourseId, "?"));
        return $"{requirement.Name}: {string.Join(" or ", courses)}; groups {string.Join(", ", groups)}";
    }
}
