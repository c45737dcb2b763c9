using Microsoft.Extensions.DependencyInjection;
using TrainingPortal.Core.Results;
using TrainingPortal.Sessions.Domain;
using TrainingPortal.Sessions.Services;

namespace TrainingPortal.Sessions.Tests;

/// <summary>Neglect advanced multi-agency practice needs the safeguarding lead's approval.</summary>
public sealed class ApprovalTests : IAsyncLifetime
{
    private SessionsPortal portal = null!;

    public async Task InitializeAsync() => portal = await SessionsPortal.StartAsync();

    public async Task DisposeAsync() => await portal.DisposeAsync();

    [Fact]
    public async Task A_course_needing_approval_waits_for_the_lead_and_asks_them_by_email()
    {
        var session = await portal.ScheduleAsync("NEG-ADV");
        var nurse = await portal.PractitionerAsync("Nia", "Hughes");

        var result = await portal.BookAsync(nurse, session);

        Assert.True(result.Succeeded, result.Reason);
        Assert.Equal(BookingStatus.Requested, result.Status);
        var summary = await portal.SessionAsync(session);
        Assert.Equal((0, 0), (summary.BookedCount, summary.WaitlistCount));
        var ask = Assert.Single(await portal.OutboxAsync(portal.HealthLead.Email));
        Assert.Equal("Approval needed: Nia Hughes, Neglect advanced multi-agency practice", ask.Subject);
        Assert.Empty(await portal.OutboxAsync(portal.PoliceLead.Email));
        var requests = await portal.As(portal.HealthLead, s => s.GetRequiredService<SessionQueries>().RequestsAsync());
        Assert.Equal(result.BookingId, Assert.Single(requests).BookingId);
        Assert.Empty(await portal.As(portal.PoliceLead, s => s.GetRequiredService<SessionQueries>().RequestsAsync()));
    }

    [Fact]
    public async Task The_lead_approving_a_request_books_the_place()
    {
        var session = await portal.ScheduleAsync("NEG-ADV");
        var nurse = await portal.PractitionerAsync("Nia", "Hughes");
        var request = await portal.BookedAsync(nurse, session);

        var approved = await ApproveAsync(portal.HealthLead, request.BookingId!.Value);

        Assert.True(approved.Succeeded, approved.Reason);
        Assert.Equal(BookingStatus.Booked, approved.Status);
        var booking = await portal.BookingAsync(request.BookingId.Value);
        Assert.Equal(BookingStatus.Booked, booking.Status);
        Assert.Equal(portal.HealthLead.UserId, booking.DecidedByUserId);
        Assert.Equal(portal.Clock.UtcNow.UtcDateTime, booking.DecidedAt);
        Assert.Equal(1, (await portal.SessionAsync(session)).BookedCount);
        Assert.Equal("Your place is booked: Neglect advanced multi-agency practice", Assert.Single(await portal.OutboxAsync(nurse.Email)).Subject);
    }

    [Fact]
    public async Task Approving_a_request_for_a_full_session_puts_the_person_on_the_waitlist()
    {
        var session = await portal.ScheduleAsync("NEG-ADV", capacity: 1);
        var first = await portal.PractitionerAsync("Ava", "Smith");
        var second = await portal.PractitionerAsync("Ben", "Jones");
        var firstRequest = await portal.BookedAsync(first, session);
        var secondRequest = await portal.BookedAsync(second, session);
        await ApproveAsync(portal.HealthLead, firstRequest.BookingId!.Value);

        var approved = await ApproveAsync(portal.HealthLead, secondRequest.BookingId!.Value);

        Assert.Equal(BookingStatus.Waitlisted, approved.Status);
        Assert.Equal(1, approved.WaitlistPosition);
        var summary = await portal.SessionAsync(session);
        Assert.Equal((1, 1), (summary.BookedCount, summary.WaitlistCount));
        Assert.Equal("You are on the waiting list: Neglect advanced multi-agency practice", Assert.Single(await portal.OutboxAsync(second.Email)).Subject);
    }

    [Fact]
    public async Task The_lead_declining_a_request_gives_the_person_the_reason()
    {
        var session = await portal.ScheduleAsync("NEG-ADV");
        var nurse = await portal.PractitionerAsync("Nia", "Hughes");
        var request = await portal.BookedAsync(nurse, session);

        var withoutReason = await DeclineAsync(portal.HealthLead, request.BookingId!.Value, "  ");
        var declined = await DeclineAsync(portal.HealthLead, request.BookingId.Value, " Please book the June date instead: the team is short that week. ");

        Assert.Equal("Enter the reason, so the person knows why", Assert.Single(withoutReason.Errors).Message);
        Assert.True(declined.Succeeded, SessionsPortal.Errors(declined));
        var booking = await portal.BookingAsync(request.BookingId.Value);
        Assert.Equal(BookingStatus.Declined, booking.Status);
        Assert.Equal("Please book the June date instead: the team is short that week.", booking.DeclineReason);
        Assert.Equal(portal.HealthLead.UserId, booking.DecidedByUserId);
        var email = Assert.Single(await portal.OutboxAsync(nurse.Email));
        Assert.Equal("Request not approved: Neglect advanced multi-agency practice", email.Subject);
        Assert.Contains("Reason: Please book the June date instead: the team is short that week.", email.TextBody);
        Assert.Equal(0, (await portal.SessionAsync(session)).BookedCount);
    }

    [Fact]
    public async Task A_lead_of_another_agency_cannot_approve_decline_or_cancel()
    {
        var session = await portal.ScheduleAsync("NEG-ADV");
        var nurse = await portal.PractitionerAsync("Nia", "Hughes");
        var request = await portal.BookedAsync(nurse, session);
        var id = request.BookingId!.Value;

        var approved = await ApproveAsync(portal.PoliceLead, id);
        var declined = await DeclineAsync(portal.PoliceLead, id, "Not ours");
        var cancelled = await portal.CancelAsync(portal.PoliceLead, id);

        Assert.Equal("That request no longer exists.", approved.Reason);
        Assert.Equal("That request no longer exists.", Assert.Single(declined.Errors).Message);
        Assert.Equal("That booking no longer exists.", Assert.Single(cancelled.Errors).Message);
        Assert.Equal(BookingStatus.Requested, (await portal.BookingAsync(id)).Status);
    }

    [Fact]
    public async Task Another_practitioner_cannot_cancel_someone_elses_booking()
    {
        var session = await portal.ScheduleAsync();
        var nurse = await portal.PractitionerAsync("Nia", "Hughes");
        var colleague = await portal.PractitionerAsync("Ola", "Brown");
        var booked = await portal.BookedAsync(nurse, session);

        var cancelled = await portal.CancelAsync(colleague.User, booked.BookingId!.Value);

        Assert.Equal("That booking no longer exists.", Assert.Single(cancelled.Errors).Message);
        Assert.Equal(BookingStatus.Booked, (await portal.BookingAsync(booked.BookingId.Value)).Status);
    }

    [Fact]
    public async Task The_training_coordinator_may_approve_any_agencys_request()
    {
        var session = await portal.ScheduleAsync("NEG-ADV");
        var officer = await portal.PractitionerAsync("Pat", "Constable", portal.Police);
        var request = await portal.BookedAsync(officer, session);

        var approved = await ApproveAsync(portal.Coordinator, request.BookingId!.Value);

        Assert.Equal(BookingStatus.Booked, approved.Status);
    }

    [Fact]
    public async Task A_request_is_decided_only_once()
    {
        var session = await portal.ScheduleAsync("NEG-ADV");
        var nurse = await portal.PractitionerAsync("Nia", "Hughes");
        var request = await portal.BookedAsync(nurse, session);
        var id = request.BookingId!.Value;
        await ApproveAsync(portal.HealthLead, id);

        var again = await ApproveAsync(portal.HealthLead, id);
        var declined = await DeclineAsync(portal.HealthLead, id, "Changed my mind");

        Assert.Equal("That request has already been decided.", again.Reason);
        Assert.Equal("That request has already been decided.", Assert.Single(declined.Errors).Message);
        Assert.Equal(BookingStatus.Booked, (await portal.BookingAsync(id)).Status);
        Assert.Equal(1, (await portal.SessionAsync(session)).BookedCount);
    }

    [Fact]
    public async Task Approving_the_same_request_several_times_at_once_takes_one_place()
    {
        var session = await portal.ScheduleAsync("NEG-ADV", capacity: 5);
        var nurse = await portal.PractitionerAsync("Nia", "Hughes");
        var request = await portal.BookedAsync(nurse, session);

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => ApproveAsync(portal.HealthLead, request.BookingId!.Value))));

        Assert.Single(results, r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal("That request has already been decided.", r.Reason));
        var summary = await portal.SessionAsync(session);
        Assert.Equal((1, 0), (summary.BookedCount, summary.WaitlistCount));
        Assert.Single(await portal.OutboxAsync(nurse.Email, "booking-confirmed"));
    }

    [Fact]
    public async Task A_request_for_a_session_that_has_since_been_cancelled_cannot_be_approved()
    {
        var session = await portal.ScheduleAsync("NEG-ADV");
        var nurse = await portal.PractitionerAsync("Nia", "Hughes");
        var request = await portal.BookedAsync(nurse, session);
        await portal.As(portal.Coordinator, s => s.GetRequiredService<SessionScheduler>().CancelAsync(session, "Venue flooded"));

        var approved = await ApproveAsync(portal.HealthLead, request.BookingId!.Value);

        Assert.False(approved.Succeeded);
        Assert.Equal(BookingStatus.SessionCancelled, (await portal.BookingAsync(request.BookingId.Value)).Status);
    }

    private Task<BookingResult> ApproveAsync(Testing.SignedInUser lead, Guid bookingId) =>
        portal.As(lead, s => s.GetRequiredService<BookingService>().ApproveAsync(bookingId));

    private Task<OperationResult> DeclineAsync(Testing.SignedInUser lead, Guid bookingId, string reason) =>
        portal.As(lead, s => s.GetRequiredService<BookingService>().DeclineAsync(bookingId, reason));
}
