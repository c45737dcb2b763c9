using Microsoft.Extensions.DependencyInjection;
using TrainingPortal.Catalogue.Services;
using TrainingPortal.Sessions.Domain;
using TrainingPortal.Sessions.Services;

namespace TrainingPortal.Sessions.Tests;

public sealed class SessionQueriesTests : IAsyncLifetime
{
    private SessionsPortal portal = null!;

    public async Task InitializeAsync() => portal = await SessionsPortal.StartAsync();

    public async Task DisposeAsync() => await portal.DisposeAsync();

    [Fact]
    public async Task Charges_are_counted_per_agency_for_sessions_in_the_period_and_a_lead_sees_only_their_own()
    {
        await portal.ChargeAsync("NEG-ADOL", 6500);
        var june = await portal.SessionAsync(await portal.ScheduleAsync("NEG-ADOL", daysAhead: 2, capacity: 10));
        var july = await portal.SessionAsync(await portal.ScheduleAsync("NEG-ADOL", daysAhead: 40, capacity: 10));
        var nurse = await portal.PractitionerAsync("Nia", "Hughes");
        var midwife = await portal.PractitionerAsync("Mo", "Ahmed");
        var officer = await portal.PractitionerAsync("Pat", "Constable", portal.Police);
        var nursePlace = await portal.BookedAsync(nurse, june.Id);
        var midwifePlace = await portal.BookedAsync(midwife, june.Id);
        var officerPlace = await portal.BookedAsync(officer, june.Id);
        var nurseJuly = await portal.BookedAsync(nurse, july.Id);
        // Late cancellation in June (2 hours before), then the register: the midwife and the officer did not come.
        portal.MoveTo(june.StartsAtUtc.AddHours(-2));
        await portal.CancelAsync(nurse.User, nursePlace.BookingId!.Value);
        portal.MoveTo(june.EndsAtUtc);
        await portal.As(portal.Trainer, s => s.GetRequiredService<Registers>().MarkAsync(june.Id, new Dictionary<Guid, AttendanceMark>
        {
            [midwifePlace.BookingId!.Value] = AttendanceMark.DidNotAttend,
            [officerPlace.BookingId!.Value] = AttendanceMark.DidNotAttend,
        }));
        Assert.True((await portal.As(portal.Trainer, s => s.GetRequiredService<Registers>().CloseAsync(june.Id))).Succeeded);
        // A late cancellation in July is outside a June period.
        portal.MoveTo(july.StartsAtUtc.AddHours(-1));
        await portal.CancelAsync(nurse.User, nurseJuly.BookingId!.Value);

        var everyone = await ChargesAsync(portal.Coordinator, new DateOnly(2026, 6, 1), new DateOnly(2026, 7, 1));
        var healthOnly = await ChargesAsync(portal.HealthLead, new DateOnly(2026, 6, 1), new DateOnly(2026, 7, 1));
        var bothMonths = await ChargesAsync(portal.Coordinator, new DateOnly(2026, 6, 1), new DateOnly(2026, 8, 1));

        Assert.Equal(
            [new AgencyCharges(portal.Health, "Northshire Community Health", 1, 1, 13000), new AgencyCharges(portal.Police, "Northshire Police", 1, 0, 6500)],
            everyone);
        Assert.Equal([new AgencyCharges(portal.Health, "Northshire Community Health", 1, 1, 13000)], healthOnly);
        Assert.Equal((1, 2, 19500), bothMonths.Where(c => c.AgencyId == portal.Health).Select(c => (c.DidNotAttend, c.LateCancelled, c.TotalPence)).Single());
    }

    [Fact]
    public async Task The_waitlist_is_listed_in_order_then_requests_then_cancellations()
    {
        var session = await portal.ScheduleAsync("NEG-ADV", capacity: 1);
        var names = new[] { "Ava", "Ben", "Cai", "Dee", "Eli" };
        var requests = new List<Guid>();
        foreach (var name in names)
        {
            requests.Add((await portal.BookedAsync(await portal.PractitionerAsync(name, "Smith"), session)).BookingId!.Value);
        }
        // Approved in the order Ava, Cai, Ben: Ava gets the place, then Cai and Ben wait in that order.
        foreach (var index in new[] { 0, 2, 1 })
        {
            await portal.As(portal.HealthLead, s => s.GetRequiredService<BookingService>().ApproveAsync(requests[index]));
        }
        await portal.CancelAsync(portal.HealthLead, requests[4]);

        var others = await portal.As(portal.Coordinator, s => s.GetRequiredService<SessionQueries>().OthersOnSessionAsync(session));

        Assert.Equal(
            [("Cai Smith", BookingStatus.Waitlisted, (int?)1), ("Ben Smith", BookingStatus.Waitlisted, 2), ("Dee Smith", BookingStatus.Requested, null), ("Eli Smith", BookingStatus.Cancelled, null)],
            others.Select(o => (o.PractitionerName, o.Status, o.WaitlistPosition)));
        var register = await portal.As(portal.Coordinator, s => s.GetRequiredService<SessionQueries>().RegisterLinesAsync(session));
        Assert.Equal("Ava Smith", Assert.Single(register).Name);
    }

    [Fact]
    public async Task A_practitioner_sees_their_upcoming_bookings_in_date_order_and_past_ones_separately()
    {
        var later = await portal.ScheduleAsync("NEG-DC", daysAhead: 20);
        var sooner = await portal.ScheduleAsync("NEG-ADOL", daysAhead: 5);
        var nurse = await portal.PractitionerAsync("Nia", "Hughes");
        await portal.BookedAsync(nurse, later);
        await portal.BookedAsync(nurse, sooner);

        var upcoming = await ForPractitionerAsync(nurse, past: false);
        portal.MoveTo((await portal.SessionAsync(sooner)).EndsAtUtc.AddDays(1));
        var stillUpcoming = await ForPractitionerAsync(nurse, past: false);
        var past = await ForPractitionerAsync(nurse, past: true);

        Assert.Equal([sooner, later], upcoming.Select(b => b.SessionId));
        Assert.Equal(["Adolescent neglect", "Disguised compliance and working with resistant families"], upcoming.Select(b => b.CourseTitle));
        Assert.Equal("Online", upcoming[0].Where);
        Assert.Equal([later], stillUpcoming.Select(b => b.SessionId));
        Assert.Equal([sooner], past.Select(b => b.SessionId));
    }

    [Fact]
    public async Task A_lead_sees_their_own_agencys_bookings_and_none_of_another_agencys()
    {
        var session = await portal.ScheduleAsync("NEG-ADOL");
        await portal.BookedAsync(await portal.PractitionerAsync("Nia", "Hughes"), session);
        await portal.BookedAsync(await portal.PractitionerAsync("Pat", "Constable", portal.Police), session);

        var health = await portal.As(portal.HealthLead, s => s.GetRequiredService<SessionQueries>().ForAgencyAsync(portal.Health, null, upcoming: true, page: 1));
        var snooping = await portal.As(portal.HealthLead, s => s.GetRequiredService<SessionQueries>().ForAgencyAsync(portal.Police, null, upcoming: true, page: 1));
        var booked = await portal.As(portal.PoliceLead, s => s.GetRequiredService<SessionQueries>().ForAgencyAsync(portal.Police, BookingStatus.Booked, upcoming: true, page: 1));

        Assert.Equal(["Nia Hughes"], health.Items.Select(b => b.PractitionerName));
        Assert.Empty(snooping.Items);
        Assert.Equal(0, snooping.TotalCount);
        Assert.Equal(["Pat Constable"], booked.Items.Select(b => b.PractitionerName));
    }

    [Fact]
    public async Task A_course_page_lists_only_sessions_that_can_still_be_booked_with_places_left()
    {
        var courseId = await portal.CourseIdAsync("NEG-ADOL");
        var open = await portal.ScheduleAsync("NEG-ADOL", daysAhead: 10, capacity: 3);
        var later = await portal.ScheduleAsync("NEG-ADOL", daysAhead: 20, capacity: 12);
        var cancelled = await portal.ScheduleAsync("NEG-ADOL", daysAhead: 15);
        var closingToday = await portal.ScheduleAsync("NEG-ADOL", daysAhead: 1);
        await portal.As(portal.Coordinator, s => s.GetRequiredService<SessionScheduler>().CancelAsync(cancelled, "Venue unavailable"));
        await portal.BookedAsync(await portal.PractitionerAsync("Nia", "Hughes"), open);
        portal.Clock.Advance(TimeSpan.FromDays(1));

        var listed = await portal.As(portal.Coordinator, s => s.GetRequiredService<ICourseSessions>().UpcomingAsync(courseId, CancellationToken.None));

        Assert.DoesNotContain(listed, s => s.Id == closingToday || s.Id == cancelled);
        Assert.Equal([(open, 2), (later, 12)], listed.Select(s => (s.Id, s.PlacesLeft)));
        Assert.Equal($"/sessions/{open}", listed[0].BookUrl);
    }

    [Fact]
    public async Task The_coordinators_overview_pages_upcoming_sessions_by_date_and_totals_the_places()
    {
        var third = await portal.ScheduleAsync("NEG-ADV", daysAhead: 30, capacity: 20);
        var first = await portal.ScheduleAsync("NEG-ADOL", daysAhead: 3, capacity: 10);
        var second = await portal.ScheduleAsync("NEG-DC", daysAhead: 7, capacity: 5);
        await portal.BookedAsync(await portal.PractitionerAsync("Nia", "Hughes"), first);

        var overview = await portal.As(portal.Coordinator, s => s.GetRequiredService<SessionQueries>().OverviewAsync(past: false, courseId: null, page: 1));
        var advancedOnly = await portal.As(portal.Coordinator, async s =>
            (await s.GetRequiredService<SessionQueries>().OverviewAsync(past: false, courseId: await portal.CourseIdAsync("NEG-ADV"), page: 1)).Items.Select(i => i.Id).ToList());
        var totals = await portal.As(portal.Coordinator, s => s.GetRequiredService<SessionQueries>().UpcomingTotalsAsync());

        Assert.Equal([first, second, third], overview.Items.Select(s => s.Id));
        Assert.Equal([10, 0, 0], overview.Items.Select(s => s.FillPercent));
        Assert.Equal([third], advancedOnly);
        Assert.Equal((3, 35, 1, 0), totals);
    }

    private Task<IReadOnlyList<AgencyCharges>> ChargesAsync(Testing.SignedInUser user, DateOnly from, DateOnly to) =>
        portal.As(user, s => s.GetRequiredService<SessionQueries>().ChargesAsync(from, to));

    private Task<IReadOnlyList<BookingRow>> ForPractitionerAsync(Person person, bool past) =>
        portal.As(person.User, s => s.GetRequiredService<SessionQueries>().ForPractitionerAsync(person.PractitionerId, past));
}
