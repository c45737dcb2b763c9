using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Catalogue.Domain;
using TrainingPortal.Catalogue.Services;
using TrainingPortal.Core;
using TrainingPortal.Data;
using TrainingPortal.Identity.Services;
using TrainingPortal.Notifications.Services;
using TrainingPortal.Sessions.Domain;

namespace TrainingPortal.Sessions.Services;

/// <summary>A booking with what its emails need: who, which session, where.</summary>
public sealed record BookingFacts(
    Guid BookingId, Guid SessionId, Guid PractitionerId, Guid AgencyId, string PractitionerName, string? PractitionerEmail,
    string CourseTitle, DateTime StartsAtUtc, DateTime EndsAtUtc, string Location, int Sequence)
{
    public string When => UkTime.FormatRange(StartsAtUtc, EndsAtUtc);
}

/// <summary>Writes the sessions module's emails to the outbox; the caller's SaveChanges sends them with the change.</summary>
public sealed class SessionMail(PortalDbContext db, Outbox outbox, PublicUrls urls, IOptions<SmtpOptions> smtp)
{
    private readonly Dictionary<Guid, IReadOnlyList<(string Email, string Name, string FirstName)>> leadsByAgency = [];

    public async Task<BookingFacts> FactsAsync(Guid bookingId, CancellationToken cancellationToken) =>
        (await FactsAsync([bookingId], cancellationToken)).Single();

    /// <summary>The facts of several bookings in one query (everyone on a session that changes or is cancelled).</summary>
    public async Task<IReadOnlyList<BookingFacts>> FactsAsync(IReadOnlyCollection<Guid> bookingIds, CancellationToken cancellationToken) =>
        await (from b in db.Set<Booking>().AsNoTracking()
               where bookingIds.Contains(b.Id)
               join s in db.Set<Session>() on b.SessionId equals s.Id
               join v in db.CurrentCourseVersions() on s.CourseId equals v.CourseId
               join p in db.AllPractitioners() on b.PractitionerId equals p.Id
               select new BookingFacts(b.Id, s.Id, p.Id, b.AgencyId, p.FirstName + " " + p.LastName, p.Email, v.Title,
                   s.StartsAtUtc, s.EndsAtUtc,
                   s.JoiningLink != null ? "Online: " + s.JoiningLink : (s.VenueName ?? "") + (s.VenueAddress != null ? ", " + s.VenueAddress : ""),
                   b.CalendarSequence))
            .ToListAsync(cancellationToken);

    public Task BookedAsync(BookingFacts facts, bool promoted, CancellationToken cancellationToken) =>
        ToPractitionerAsync(facts, promoted ? "booking-promoted" : "booking-confirmed",
            promoted ? $"A place has come up: {facts.CourseTitle}" : $"Your place is booked: {facts.CourseTitle}",
            [
                promoted
                    ? $"A place has come up on {facts.CourseTitle} and it is yours: you were first on the waiting list."
                    : $"Your place on {facts.CourseTitle} is booked.",
                $"When: {facts.When}.",
                $"Where: {facts.Location}.",
                "The invitation is attached: add it to your calendar. If you cannot come, cancel your place so someone on the waiting list can have it.",
            ], invite: true, cancel: false, cancellationToken);

    public Task WaitlistedAsync(BookingFacts facts, int position, CancellationToken cancellationToken) =>
        ToPractitionerAsync(facts, "booking-waitlisted", $"You are on the waiting list: {facts.CourseTitle}",
            [
                $"{facts.CourseTitle} on {facts.When} is full, so you are on the waiting list (number {position}).",
                "If a place comes up you will get it automatically, in the order people joined the list, and we will email you.",
            ], invite: false, cancel: false, cancellationToken);

    public Task CancelledAsync(BookingFacts facts, bool heldPlace, bool late, CancellationToken cancellationToken) =>
        ToPractitionerAsync(facts, "booking-cancelled", $"Cancelled: {facts.CourseTitle}",
            [
                $"Your booking on {facts.CourseTitle} on {facts.When} has been cancelled.",
                .. late ? new[] { "This was inside the late-cancellation window, so it is recorded as a late cancellation for your agency." } : [],
            ], invite: heldPlace, cancel: true, cancellationToken);

    public Task SessionCancelledAsync(BookingFacts facts, string reason, bool heldPlace, CancellationToken cancellationToken) =>
        ToPractitionerAsync(facts, "session-cancelled", $"Session cancelled: {facts.CourseTitle}",
            [
                $"We are sorry: {facts.CourseTitle} on {facts.When} has been cancelled.",
                $"Reason: {reason}",
                "Look at the course page for other dates.",
            ], invite: heldPlace, cancel: true, cancellationToken);

    public Task SessionChangedAsync(BookingFacts facts, CancellationToken cancellationToken) =>
        ToPractitionerAsync(facts, "session-changed", $"Changed: {facts.CourseTitle}",
            [
                $"The details of {facts.CourseTitle} have changed.",
                $"When: {facts.When}.",
                $"Where: {facts.Location}.",
                "The updated invitation is attached.",
            ], invite: true, cancel: false, cancellationToken);

    public Task ReminderAsync(BookingFacts facts, CancellationToken cancellationToken) =>
        ToPractitionerAsync(facts, "session-reminder", $"Reminder: {facts.CourseTitle} on {UkTime.FromUtc(facts.StartsAtUtc):dddd d MMMM}",
            [
                $"This is a reminder of your place on {facts.CourseTitle}.",
                $"When: {facts.When}.",
                $"Where: {facts.Location}.",
                "If you can no longer come, cancel your place now so someone on the waiting list can have it.",
            ], invite: false, cancel: false, cancellationToken);

    public Task DeclinedAsync(BookingFacts facts, string reason, CancellationToken cancellationToken) =>
        ToPractitionerAsync(facts, "booking-declined", $"Request not approved: {facts.CourseTitle}",
            [
                $"Your safeguarding lead did not approve your request for {facts.CourseTitle} on {facts.When}.",
                $"Reason: {reason}",
            ], invite: false, cancel: false, cancellationToken);

    /// <summary>Asks the agency's safeguarding leads to approve a request.</summary>
    public async Task ApprovalRequestedAsync(BookingFacts facts, CancellationToken cancellationToken)
    {
        foreach (var lead in await LeadsAsync(facts.AgencyId, cancellationToken))
        {
            await outbox.EnqueueAsync("booking-approval", lead.Email, lead.Name, new EmailContent(
                $"Approval needed: {facts.PractitionerName}, {facts.CourseTitle}", $"Dear {lead.FirstName},",
                [$"{facts.PractitionerName} has asked for a place on {facts.CourseTitle} on {facts.When}. This course needs your approval."])
            {
                ActionText = "Approve or decline",
                ActionUrl = urls.Absolute("/sessions/requests"),
            }, cancellationToken: cancellationToken);
        }
    }

    /// <summary>Tells the agency's safeguarding leads that someone did not attend.</summary>
    public async Task DidNotAttendAsync(BookingFacts facts, int chargePence, CancellationToken cancellationToken)
    {
        foreach (var lead in await LeadsAsync(facts.AgencyId, cancellationToken))
        {
            await outbox.EnqueueAsync("booking-did-not-attend", lead.Email, lead.Name, new EmailContent(
                $"Did not attend: {facts.PractitionerName}, {facts.CourseTitle}", $"Dear {lead.FirstName},",
                [
                    $"{facts.PractitionerName} had a place on {facts.CourseTitle} on {facts.When} and did not attend.",
                    .. chargePence > 0 ? new[] { $"The partnership charges {Money(chargePence)} for a place that is not used; it will appear on your agency's invoice." } : [],
                ])
            {
                ActionText = "See your agency's bookings",
                ActionUrl = urls.Absolute("/sessions/agency"),
            }, cancellationToken: cancellationToken);
        }
    }

    public static string Money(int pence) => (pence / 100m).ToString("£#,##0.00", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));

    private async Task ToPractitionerAsync(BookingFacts facts, string category, string subject, IReadOnlyList<string> paragraphs, bool invite, bool cancel, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(facts.PractitionerEmail))
        {
            return;
        }
        var firstName = facts.PractitionerName.Split(' ')[0];
        // Smtp:From may be "Name <address>"; the invite's organiser is the address alone.
        var (fromAddress, fromName) = MailboxAddress.TryParse(smtp.Value.From, out var from) ? (from.Address, from.Name) : (smtp.Value.From, null);
        var attachments = invite
            ? new[]
            {
                CalendarInvites.Attachment(new InviteDetails(facts.BookingId, facts.Sequence, facts.CourseTitle, facts.StartsAtUtc, facts.EndsAtUtc, facts.Location,
                    $"{facts.CourseTitle}. {urls.Absolute("/sessions/" + facts.SessionId)}", fromAddress,
                    string.IsNullOrWhiteSpace(fromName) ? "Training portal" : fromName, facts.PractitionerEmail, facts.PractitionerName), cancel),
            }
            : null;
        await outbox.EnqueueAsync(category, facts.PractitionerEmail, facts.PractitionerName, new EmailContent(subject, $"Dear {firstName},", paragraphs)
        {
            ActionText = "See your bookings",
            ActionUrl = urls.Absolute("/my-bookings"),
        }, attachments, cancellationToken);
    }

    /// <summary>The agency's safeguarding leads, read once per request however many emails go to them.</summary>
    private async Task<IReadOnlyList<(string Email, string Name, string FirstName)>> LeadsAsync(Guid agencyId, CancellationToken cancellationToken)
    {
        if (!leadsByAgency.TryGetValue(agencyId, out var leads))
        {
            leadsByAgency[agencyId] = leads = await ReadLeadsAsync(agencyId, cancellationToken);
        }
        return leads;
    }

    private async Task<IReadOnlyList<(string Email, string Name, string FirstName)>> ReadLeadsAsync(Guid agencyId, CancellationToken cancellationToken) =>
        (await db.LeadContacts().Where(l => l.AgencyId == agencyId)
                .Select(l => new { l.Email, l.FirstName, l.LastName }).ToListAsync(cancellationToken))
            .Select(u => (u.Email, $"{u.FirstName} {u.LastName}", u.FirstName)).ToList();
}
