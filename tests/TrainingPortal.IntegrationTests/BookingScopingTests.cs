using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingPortal.Agencies.Domain;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Catalogue.Domain;
using TrainingPortal.Catalogue.Services;
using TrainingPortal.Core.Security;
using TrainingPortal.Data;
using TrainingPortal.Sessions.Domain;
using TrainingPortal.Sessions.Services;

namespace TrainingPortal.IntegrationTests;

/// <summary>A safeguarding lead decides their own agency's booking requests and sees their own agency's bookings, whatever they post.</summary>
public class BookingScopingTests
{
    private const string PoliceLead = "ben.bland@northshire-police.example";
    private const string Coordinator = "sophie.ashworth@northshire-scp.example";

    [Fact]
    public async Task A_lead_gets_403_for_deciding_another_agencys_request_which_stays_waiting_for_its_own_lead()
    {
        await using var app = await PortalApp.StartAsync(new PortalAppOptions { Recipe = "demo" });
        var bookingId = await HealthVisitorRequestsAdvancedPlaceAsync(app);
        var lead = app.CreateBrowserlikeClient();
        await lead.SignInAsync(PoliceLead, app.Options.AdminPassword);

        var approved = await lead.PostFormAsync("/sessions/requests?handler=Approve", new Dictionary<string, string> { ["bookingId"] = bookingId.ToString() });
        var declined = await lead.PostFormAsync("/sessions/requests?handler=Decline",
            new Dictionary<string, string> { ["bookingId"] = bookingId.ToString(), ["Reason"] = "Not our budget" });

        Assert.Equal(HttpStatusCode.Forbidden, approved.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, declined.StatusCode);
        var status = await app.InScopeAsync(s => s.GetRequiredService<PortalDbContext>().Set<Booking>().Where(b => b.Id == bookingId).Select(b => b.Status).SingleAsync());
        Assert.Equal(BookingStatus.Requested, status);
        var unknown = await lead.PostFormAsync("/sessions/requests?handler=Approve", new Dictionary<string, string> { ["bookingId"] = Guid.NewGuid().ToString() });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task The_training_unit_gets_404_for_the_bookings_of_an_agency_that_does_not_exist()
    {
        await using var app = await PortalApp.StartAsync(new PortalAppOptions { Recipe = "demo" });
        var coordinator = app.CreateBrowserlikeClient();
        await coordinator.SignInAsync(Coordinator, app.Options.AdminPassword);
        var lead = app.CreateBrowserlikeClient();
        await lead.SignInAsync(PoliceLead, app.Options.AdminPassword);
        var health = await app.InScopeAsync(s => s.GetRequiredService<PortalDbContext>().Set<Agency>()
            .Where(a => a.Name == "Northshire Community Health NHS Trust").Select(a => a.Id).SingleAsync());

        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync($"/sessions/agency?agency={Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync($"/sessions/agency?agency={health}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await lead.GetAsync($"/sessions/agency?agency={health}")).StatusCode);
    }

    /// <summary>A health visitor new to the trust, with basic training done, asks for a place on an advanced session (which needs their lead's approval).</summary>
    private static async Task<Guid> HealthVisitorRequestsAdvancedPlaceAsync(PortalApp app)
    {
        var coordinator = await app.InScopeAsync(async s => new SignedInUser(
            (await s.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<TrainingPortal.Identity.Domain.PortalUser>>().FindByEmailAsync(Coordinator))!.Id,
            Coordinator, Roles.TrainingCoordinator));
        const string email = "hana.visitor@northshire-nhs.example";
        var sessionId = await app.AsUserAsync(coordinator, async s =>
        {
            var db = s.GetRequiredService<PortalDbContext>();
            var health = await db.Set<Agency>().Where(a => a.Name == "Northshire Community Health NHS Trust").Select(a => a.Id).SingleAsync();
            var courses = await db.Set<Course>().ToDictionaryAsync(c => c.Code, c => c.Id);
            var basic = await db.Set<CourseVersion>().Where(v => v.CourseId == courses["NEG-BASIC"]).OrderByDescending(v => v.Number).Select(v => v.Id).FirstAsync();
            var group = (await s.GetRequiredService<WorkforceGroups>().ListAsync()).Single(g => g.Code == "G2").Id;
            var added = await s.GetRequiredService<StaffRecords>().AddAsync(health, new StaffInput
            {
                FirstName = "Hana", LastName = "Visitor", Email = email, JobTitle = "Health visitor", WorkforceGroupId = group,
            });
            Assert.True(added.Succeeded, PortalArrangements.Errors(added));
            await s.GetRequiredService<TrainingRecords>().AddCompletionAsync(added.Value, basic, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-30), TrainingSource.ELearning, 100);
            await db.SaveChangesAsync();
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            var session = await s.GetRequiredService<SessionScheduler>().ScheduleAsync(new SessionInput
            {
                CourseId = courses["NEG-ADV"], Date = today.AddDays(40), StartTime = "09:30", EndTime = "16:00", VenueName = "Riverside Centre",
                VenueAddress = "1 Quay Street, Northshire", Capacity = 12, BookingClosesOn = today.AddDays(30),
                TrainerIds = [(await s.GetRequiredService<SessionScheduler>().TrainersAsync()).First().UserId],
            });
            Assert.True(session.Succeeded, PortalArrangements.Errors(session));
            return session.Value;
        });
        var visitor = await app.AccountAsync(email, "Hana", "Visitor", [Roles.Practitioner]);
        var booked = await app.AsUserAsync(visitor, s => s.GetRequiredService<BookingService>().BookAsync(sessionId));
        Assert.True(booked.Status == BookingStatus.Requested, booked.Reason);
        return booked.BookingId!.Value;
    }
}
