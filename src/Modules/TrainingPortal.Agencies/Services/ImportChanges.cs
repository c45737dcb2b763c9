using TrainingPortal.Agencies.Domain;
using TrainingPortal.Data;
using TrainingPortal.Data.Auditing;

namespace TrainingPortal.Agencies.Services;

/// <summary>
/// Makes a checked import's changes (<see cref="ImportPlan"/> from <see cref="ImportPlanner"/>): new teams, new people and
/// memberships, changed memberships and leavers, each recorded in the audit trail as <see cref="StaffRecords"/> records
/// it. <see cref="StaffImporter.ApplyAsync"/> saves them in one transaction.
/// </summary>
internal sealed class ImportChanges(PortalDbContext db, AuditTrail audit)
{
    /// <summary>Makes the planned changes in the context (saved by the caller, inside its transaction), with their audit entries.</summary>
    public void Make(Guid agencyId, string fileName, ImportPlan plan, DateTime now)
    {
        foreach (var team in plan.NewTeams)
        {
            db.Set<Team>().Add(team);
            audit.Record("Team added", "Agency", agencyId, $"Team: {team.Name}");
        }
        foreach (var row in plan.Rows)
        {
            switch (row.Action)
            {
                case RowAction.Add:
                    var person = new Practitioner { Id = Guid.NewGuid(), FirstName = row.Input.FirstName!.Trim(), LastName = row.Input.LastName!.Trim(), Email = row.Email, CreatedAt = now };
                    db.Set<Practitioner>().Add(person);
                    audit.Record("Practitioner created", "Practitioner", person.Id, $"Name: {person.FullName}");
                    AddMembership(person.Id, row.Input);
                    break;
                case RowAction.AddMembership:
                    AddMembership(row.Person!.Id, row.Input);
                    break;
                case RowAction.Update or RowAction.MarkLeaver:
                    Update(row);
                    break;
            }
        }
        audit.Record("Staff imported", "Agency", agencyId,
            $"{fileName}: {plan.Count(RowAction.Add) + plan.Count(RowAction.AddMembership)} added, {plan.Count(RowAction.Update)} updated, "
            + $"{plan.Count(RowAction.MarkLeaver)} marked as leavers, {plan.Count(RowAction.Unchanged)} unchanged, {plan.NewTeams.Count} new teams");

        void AddMembership(Guid practitionerId, StaffInput input)
        {
            var membership = new AgencyMembership { Id = Guid.NewGuid(), PractitionerId = practitionerId, AgencyId = agencyId, CreatedAt = now, Status = MembershipStatus.Confirmed };
            StaffRecords.Apply(membership, input);
            db.Set<AgencyMembership>().Add(membership);
            audit.Record("Membership added", "Membership", membership.Id, StaffRecords.Describe(null, membership));
        }

        void Update(RowPlan row)
        {
            var person = row.Person!;
            var membership = row.Membership!;
            var email = row.Email ?? person.Email;
            var personChanges = AuditTrail.Describe(("First name", person.FirstName, row.Input.FirstName!.Trim()), ("Last name", person.LastName, row.Input.LastName!.Trim()), ("Email", person.Email, email));
            person.FirstName = row.Input.FirstName!.Trim();
            person.LastName = row.Input.LastName!.Trim();
            person.Email = email;
            if (personChanges is not null)
            {
                audit.Record("Practitioner changed", "Practitioner", person.Id, personChanges);
            }
            var before = StaffRecords.Snapshot(membership);
            StaffRecords.Apply(membership, row.Input);
            var changes = StaffRecords.Describe(before, membership);
            if (membership.Status != MembershipStatus.Confirmed)
            {
                // Being on the agency's own staff file confirms someone who registered themselves.
                changes = string.Join("; ", new[] { changes, $"Status: {membership.Status} → {MembershipStatus.Confirmed}" }.OfType<string>());
                membership.Status = MembershipStatus.Confirmed;
            }
            if (changes is not null)
            {
                audit.Record("Membership changed", "Membership", membership.Id, changes);
            }
            db.Entry(person).DetectChanges();
            db.Entry(membership).DetectChanges();
        }
    }
}
