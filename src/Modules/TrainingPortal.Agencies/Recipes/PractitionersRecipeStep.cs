using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TrainingPortal.Agencies.Domain;
using TrainingPortal.Core.Recipes;
using TrainingPortal.Data;

namespace TrainingPortal.Agencies.Recipes;

/// <summary>
/// <c>{ "name": "Practitioners", "practitioners": [ { "firstName", "lastName", "email", "memberships": [ { "agency", "employeeReference",
/// "team", "jobTitle", "workforceGroup", "frontline", "managerName", "managerEmail", "startDate", "leavingDate" } ] } ] }</c>.
/// People are matched by email and memberships by agency, so applying it again adds nothing.
/// </summary>
internal sealed class PractitionersRecipeStep(PortalDbContext db, TimeProvider clock) : IRecipeStep
{
    public string Name => "Practitioners";

    public async Task ExecuteAsync(JsonElement step, RecipeContext context, CancellationToken cancellationToken)
    {
        var agencies = await db.Set<Agency>().AsNoTracking().Include(a => a.Teams).ToDictionaryAsync(a => a.Name, cancellationToken);
        var groups = await db.Set<WorkforceGroup>().AsNoTracking().ToDictionaryAsync(g => g.Code, g => g.Id, cancellationToken);
        var people = await db.Set<Practitioner>().Include(p => p.Memberships).Where(p => p.Email != null).ToDictionaryAsync(p => p.Email!, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        int addedPeople = 0, addedMemberships = 0;
        foreach (var item in step.GetProperty("practitioners").EnumerateArray())
        {
            var email = item.GetProperty("email").GetString()!.Trim().ToLowerInvariant();
            if (!people.TryGetValue(email, out var person))
            {
                person = new Practitioner
                {
                    Id = Guid.NewGuid(), Email = email, CreatedAt = now,
                    FirstName = item.GetProperty("firstName").GetString()!, LastName = item.GetProperty("lastName").GetString()!,
                };
                db.Set<Practitioner>().Add(person);
                people[email] = person;
                addedPeople++;
            }
            foreach (var m in item.GetProperty("memberships").EnumerateArray())
            {
                var agencyName = m.GetProperty("agency").GetString()!;
                if (!agencies.TryGetValue(agencyName, out var agency))
                {
                    throw new InvalidOperationException($"Practitioners step: {email} names unknown agency {agencyName}.");
                }
                if (person.Memberships.Any(x => x.AgencyId == agency.Id))
                {
                    continue;
                }
                var teamName = Text(m, "team");
                var groupCode = Text(m, "workforceGroup");
                person.Memberships.Add(new AgencyMembership
                {
                    Id = Guid.NewGuid(),
                    AgencyId = agency.Id,
                    PractitionerId = person.Id,
                    EmployeeReference = Text(m, "employeeReference"),
                    TeamId = teamName is null ? null : agency.Teams.SingleOrDefault(t => t.Name == teamName)?.Id
                        ?? throw new InvalidOperationException($"Practitioners step: {email} names unknown team {teamName} of {agencyName}."),
                    JobTitle = Text(m, "jobTitle"),
                    WorkforceGroupId = groupCode is null ? null : groups.TryGetValue(groupCode, out var g) ? g
                        : throw new InvalidOperationException($"Practitioners step: {email} names unknown workforce group {groupCode}."),
                    IsFrontline = m.TryGetProperty("frontline", out var f) && f.ValueKind == JsonValueKind.True,
                    ManagerName = Text(m, "managerName"),
                    ManagerEmail = Text(m, "managerEmail")?.ToLowerInvariant(),
                    StartDate = Text(m, "startDate") is { } start ? DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture) : null,
                    LeavingDate = Text(m, "leavingDate") is { } leaving ? DateOnly.Parse(leaving, System.Globalization.CultureInfo.InvariantCulture) : null,
                    Status = MembershipStatus.Confirmed,
                    CreatedAt = now,
                });
                addedMemberships++;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        context.Log.Add($"Practitioners: {addedPeople} people and {addedMemberships} memberships added");
    }

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;
}
