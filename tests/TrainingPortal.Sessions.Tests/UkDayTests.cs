using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Catalogue.Domain;
using TrainingPortal.Catalogue.Services;
using TrainingPortal.Compliance.Domain;
using TrainingPortal.Compliance.Services;
using TrainingPortal.Core.Security;
using TrainingPortal.Data;

namespace TrainingPortal.Sessions.Tests;

/// <summary>
/// "Today" is the UK date everywhere a date is compared. Just after midnight in British Summer Time the UTC date is
/// still yesterday's, so a rule that took the UTC date would let someone book on training that compliance already
/// shows as expired.
/// </summary>
public sealed class UkDayTests : IAsyncLifetime
{
    private SessionsPortal portal = null!;

    public async Task InitializeAsync() => portal = await SessionsPortal.StartAsync();

    public async Task DisposeAsync() => await portal.DisposeAsync();

    [Fact]
    public async Task Just_after_midnight_in_summer_time_booking_and_compliance_agree_that_training_expiring_that_day_has_expired()
    {
        var nurse = await PractitionerWithoutBasicAwarenessAsync();
        // Basic awareness is valid for 36 months: completed on 16 June 2024, it expires on 16 June 2027.
        await portal.CompletedAsync(nurse.PractitionerId, "NEG-BASIC", new DateOnly(2024, 6, 16));
        Assert.Equal(new DateOnly(2027, 6, 16), await ExpiryAsync(nurse));
        var adolescent = await portal.CourseIdAsync("NEG-ADOL");

        portal.MoveTo(new DateTime(2027, 6, 15, 22, 30, 0)); // 23:30 on 15 June in the UK
        Assert.Empty(await MissingPrerequisitesAsync(nurse, adolescent));
        Assert.Equal(ComplianceStatus.DueSoon, await BasicTrainingStatusAsync(nurse));

        portal.MoveTo(new DateTime(2027, 6, 15, 23, 30, 0)); // 00:30 on 16 June in the UK; still 15 June in UTC
        var session = await portal.ScheduleAsync("NEG-ADOL");
        var result = await portal.BookAsync(nurse, session);

        Assert.False(result.Succeeded);
        Assert.Equal("Needs: Neglect basic awareness", result.Reason);
        Assert.Equal(["Neglect basic awareness"], (await MissingPrerequisitesAsync(nurse, adolescent)).Select(m => m.Title));
        Assert.Equal(ComplianceStatus.Expired, await BasicTrainingStatusAsync(nurse));
    }

    /// <summary>
    /// A group 3 practitioner of the health agency who has signed in. Their account is made with a password, so its
    /// address counts as proven and their first visit links it to the staff record.
    /// </summary>
    private async Task<Person> PractitionerWithoutBasicAwarenessAsync()
    {
        const string email = "nia.hughes@staff.example";
        var added = await portal.As(portal.Coordinator, async s =>
        {
            var group = (await s.GetRequiredService<WorkforceGroups>().ListAsync()).Single(g => g.Code == "G3").Id;
            return await s.GetRequiredService<StaffRecords>().AddAsync(portal.Health, new StaffInput
            {
                FirstName = "Nia", LastName = "Hughes", Email = email, JobTitle = "Health visitor", WorkforceGroupId = group,
            });
        });
        Assert.True(added.Succeeded, SessionsPortal.Errors(added));
        var user = await portal.App.AccountAsync(email, "Nia", "Hughes", [Roles.Practitioner], password: "amber-kestrel-orchard-52");
        Assert.Equal(added.Value, await portal.As(user, s => s.GetRequiredService<Learners>().EnsureCurrentAsync()));
        return new Person(user, "Nia Hughes", added.Value);
    }

    private Task<DateOnly?> ExpiryAsync(Person person) =>
        portal.As(portal.Coordinator, s => s.GetRequiredService<PortalDbContext>().Set<TrainingRecord>()
            .Where(r => r.PractitionerId == person.PractitionerId).Select(r => r.ExpiresOn).SingleAsync());

    private Task<IReadOnlyList<MissingPrerequisite>> MissingPrerequisitesAsync(Person person, Guid courseId) =>
        portal.As(person.User, s => s.GetRequiredService<Qualifications>().MissingPrerequisitesAsync(person.PractitionerId, courseId));

    private Task<ComplianceStatus> BasicTrainingStatusAsync(Person person) =>
        portal.As(person.User, async s => (await s.GetRequiredService<ComplianceCalculator>().NeedsAsync(person.PractitionerId))
            .Single().Requirements.Single(r => r.Requirement.Name == "Neglect basic training").Status);
}
