using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingPortal.Agencies.Domain;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Catalogue.Domain;
using TrainingPortal.Catalogue.Services;
using TrainingPortal.Champions.Domain;
using TrainingPortal.Champions.Services;
using TrainingPortal.Compliance.Domain;
using TrainingPortal.Core.Security;
using TrainingPortal.Data;
using TrainingPortal.Data.Settings;
using TrainingPortal.Evaluation.Domain;
using TrainingPortal.Identity.Domain;
using TrainingPortal.Notifications.Domain;
using TrainingPortal.Reporting.Domain;
using TrainingPortal.Reporting.Jobs;
using TrainingPortal.Sessions.Domain;
using TrainingPortal.Sessions.Services;
using TrainingPortal.Tna.Domain;

namespace TrainingPortal.IntegrationTests.RouteAccess;

/// <summary>
/// Real ids that belong to somebody else, for the addresses in <see cref="RouteAccessTable"/>: the demo
/// partnership's health trust and one of its nurses (neither the police lead's, nor any signed-in tester's), and
/// what the demo lacks, made through the product's own services: the nurse's account, booking request, open
/// knowledge check and external training; a session another trainer delivers; a staff import for the trust; a
/// licensed-only course file; the bi-annual reports; a champion's draft guide and a published guide.
/// </summary>
public sealed class OtherPeoplesData
{
    public const string PoliceLeadEmail = "ben.bland@northshire-police.example";
    public const string CoordinatorEmail = "sophie.ashworth@northshire-scp.example";
    public const string HealthAgencyName = "Northshire Community Health NHS Trust";
    public const string PoliceAgencyName = "Northshire Police";

    private OtherPeoplesData(IReadOnlyDictionary<string, string> tokens, string nurseName, string nurseEmail, string practitionerEmail)
    {
        Tokens = tokens;
        NurseName = nurseName;
        NurseEmail = nurseEmail;
        PractitionerEmail = practitionerEmail;
    }

    /// <summary>Token name to value, e.g. "OtherAgency" to the health trust's id.</summary>
    public IReadOnlyDictionary<string, string> Tokens { get; }

    /// <summary>The same tokens pointing at nothing: fresh ids, a course code and a certificate number nobody has.</summary>
    public IReadOnlyDictionary<string, string> MissingTokens => Tokens.ToDictionary(t => t.Key, t => t.Value switch
    {
        _ when Guid.TryParse(t.Value, out _) => Guid.NewGuid().ToString(),
        _ when int.TryParse(t.Value, out _) => "999",
        _ when t.Key.EndsWith("Certificate", StringComparison.Ordinal) => "TP-0000-0000",
        _ => "NO-SUCH-COURSE",
    });

    /// <summary>The nurse whose name must never reach anyone outside the training unit.</summary>
    public string NurseName { get; }

    public string NurseEmail { get; }

    /// <summary>The police officer given an account to sign in as a plain practitioner (the demo has none).</summary>
    public string PractitionerEmail { get; }

    public static async Task<OtherPeoplesData> ArrangeAsync(PortalApp app)
    {
        var tokens = new Dictionary<string, string>();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var found = await app.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<PortalDbContext>();
            var health = await db.Set<Agency>().Where(a => a.Name == HealthAgencyName).Select(a => a.Id).SingleAsync();
            var police = await db.Set<Agency>().Where(a => a.Name == PoliceAgencyName).Select(a => a.Id).SingleAsync();
            var courses = await db.Set<Course>().ToDictionaryAsync(c => c.Code, c => c.Id);
            var basic = courses["NEG-BASIC"];
            var validUntil = today.AddDays(120);
            // Health staff only, with no account yet and a current basic course (so they may ask for a place on the advanced one).
            var nurses = await db.Set<AgencyMembership>()
                .Where(m => m.AgencyId == health && m.Status == MembershipStatus.Confirmed && m.LeavingDate == null
                    && m.Practitioner!.UserId == null && m.Practitioner.Email != null
                    && !db.Set<AgencyMembership>().Any(o => o.PractitionerId == m.PractitionerId && o.AgencyId != health)
                    && db.Set<TrainingRecord>().Any(r => r.PractitionerId == m.PractitionerId && r.CourseId == basic && r.Status == RecordStatus.Approved
                        && (r.ExpiresOn == null || r.ExpiresOn > validUntil)))
                .OrderBy(m => m.Practitioner!.LastName).ThenBy(m => m.Practitioner!.FirstName)
                .Select(m => new { m.PractitionerId, m.Practitioner!.FirstName, m.Practitioner.LastName, Email = m.Practitioner.Email! })
                .ToListAsync();
            var names = await db.Set<Practitioner>().Select(p => p.FirstName + " " + p.LastName).ToListAsync();
            var chosenNurse = nurses.First(n => names.Count(x => x == $"{n.FirstName} {n.LastName}") == 1 && !$"{n.FirstName}{n.LastName}".Contains('\''));
            var certificate = await db.Set<TrainingRecord>()
                .Where(r => r.PractitionerId == chosenNurse.PractitionerId && r.Status == RecordStatus.Approved)
                .OrderBy(r => r.CompletedOn).Select(r => r.CertificateNumber).FirstAsync();
            // A member of police staff with no account, to be the plain practitioner who signs in.
            var chosenOfficer = await db.Set<AgencyMembership>()
                .Where(m => m.AgencyId == police && m.Status == MembershipStatus.Confirmed && m.LeavingDate == null
                    && m.Practitioner!.UserId == null && m.Practitioner.Email != null)
                .OrderBy(m => m.Practitioner!.LastName)
                .Select(m => new { m.Practitioner!.FirstName, m.Practitioner.LastName, Email = m.Practitioner.Email! })
                .FirstAsync();
            var requirement = await db.Set<Requirement>().OrderBy(r => r.Name).Select(r => r.Id).FirstAsync();
            var coordinatorId = (await s.GetRequiredService<UserManager<PortalUser>>().FindByEmailAsync(CoordinatorEmail))!.Id;
            return (health, police, courses, nurse: chosenNurse, certificate, officer: chosenOfficer, requirement, coordinator: coordinatorId);
        });
        var coordinator = new SignedInUser(found.coordinator, CoordinatorEmail, Roles.TrainingCoordinator);

        tokens["OtherAgency"] = found.health.ToString();
        tokens["LeadsAgency"] = found.police.ToString();
        tokens["OtherPerson"] = found.nurse.PractitionerId.ToString();
        tokens["OtherPersonsCertificate"] = found.certificate;
        tokens["Course"] = found.courses["NEG-BASIC"].ToString();
        tokens["CourseCode"] = "NEG-BASIC";
        tokens["Requirement"] = found.requirement.ToString();
        tokens["LessonNumber"] = "1";

        // The nurse signs in one day: an account, so that she has bookings and e-learning of her own.
        var nurse = await app.AccountAsync(found.nurse.Email, found.nurse.FirstName, found.nurse.LastName, [Roles.Practitioner]);
        tokens["OtherPersonsUser"] = nurse.UserId.ToString();
        await app.AsUserAsync(nurse, s => s.GetRequiredService<Learners>().EnsureCurrentAsync());

        // The plain practitioner who tries the routes: a police officer with an account.
        var officer = await app.AccountAsync(found.officer.Email, found.officer.FirstName, found.officer.LastName, [Roles.Practitioner], app.Options.AdminPassword);
        await app.AsUserAsync(officer, s => s.GetRequiredService<Learners>().EnsureCurrentAsync());

        // A session of the advanced course that another trainer delivers, and the nurse's request for a place on it.
        var otherTrainer = await app.AccountAsync("tomasz.nowak@northshire-scp.example", "Tomasz", "Nowak", [Roles.Trainer]);
        var session = await app.AsUserAsync(coordinator, s => s.GetRequiredService<SessionScheduler>().ScheduleAsync(new SessionInput
        {
            CourseId = found.courses["NEG-ADV"], Date = today.AddDays(40), StartTime = "09:30", EndTime = "16:00",
            VenueName = "Riverside Centre", VenueAddress = "1 Quay Street, Northshire", Capacity = 12, BookingClosesOn = today.AddDays(30),
            TrainerIds = [otherTrainer.UserId],
        }));
        Assert.True(session.Succeeded, PortalArrangements.Errors(session));
        tokens["OtherTrainersSession"] = session.Value.ToString();
        var booking = await app.AsUserAsync(nurse, s => s.GetRequiredService<BookingService>().BookAsync(session.Value));
        Assert.True(booking.Status == BookingStatus.Requested, booking.Reason);
        tokens["OtherPersonsBooking"] = booking.BookingId!.Value.ToString();

        // The nurse's knowledge check, open and unanswered.
        var attempt = await app.AsUserAsync(nurse, async s =>
        {
            var learning = s.GetRequiredService<ELearning>();
            var started = await learning.StartAsync("THRESH");
            Assert.True(started.Succeeded, PortalArrangements.Errors(started));
            for (var lesson = 1; lesson <= started.Value!.LessonTitles.Count; lesson++)
            {
                await learning.CompleteLessonAsync("THRESH", lesson);
            }
            var opened = await learning.StartAttemptAsync("THRESH");
            Assert.True(opened.Succeeded, PortalArrangements.Errors(opened));
            return opened.Value!.AttemptId;
        });
        tokens["OtherPersonsAttempt"] = attempt.ToString();
        tokens["ELearningCode"] = "THRESH";

        // Training the nurse did elsewhere, with its certificate, waiting for the training unit.
        var external = await app.AsUserAsync(coordinator, s => s.GetRequiredService<TrainingRecords>().RecordExternalAsync(found.health, found.nurse.PractitionerId,
            new ExternalTrainingInput { CourseId = found.courses["NEG-7MIN"], CompletedOn = today.AddDays(-10), Provider = "Northshire Community Health", Reason = "Team briefing on neglect" },
            new EvidenceFile("certificate.pdf", "application/pdf", Encoding.ASCII.GetBytes("%PDF-1.4 evidence"))));
        Assert.True(external.Succeeded, PortalArrangements.Errors(external));
        tokens["OtherPersonsExternalRecord"] = external.Value.ToString();

        // The health trust's staff file, uploaded and not yet applied.
        const string csv = "Employee reference,First name,Last name,Email,Team,Job title,Workforce group,Frontline,Start date,Leaving date\r\n"
            + "NCH-99001,Probe,Person,probe.person@northshire-nhs.example,,Health visitor,G2,yes,02/09/2024,\r\n";
        var import = await app.AsUserAsync(coordinator, s => s.GetRequiredService<StaffImporter>().UploadAsync(found.health, "staff.csv", new MemoryStream(Encoding.UTF8.GetBytes(csv))));
        Assert.True(import.Succeeded, PortalArrangements.Errors(import));
        tokens["OtherAgencysImport"] = import.Value.ToString();

        // A course file only the licensed may open; on a course that licenses nobody, so only the training unit may.
        var briefing = found.courses["NEG-7MIN"];
        var added = await app.AsUserAsync(coordinator, s => s.GetRequiredService<CourseResources>().AddAsync(briefing, "Facilitator notes", "notes.pdf", Encoding.ASCII.GetBytes("%PDF-1.4 notes"), licensedOnly: true));
        Assert.True(added.Succeeded, PortalArrangements.Errors(added));
        tokens["ResourceCourseCode"] = "NEG-7MIN";
        tokens["ResourceCourse"] = briefing.ToString();
        var resource = await app.InScopeAsync(s => s.GetRequiredService<PortalDbContext>().Set<CourseResource>()
            .Where(r => r.CourseId == briefing).Select(r => r.Id).SingleAsync());
        tokens["LicensedResource"] = resource.ToString();

        // A team briefing at the health trust on the demo's dental neglect guide, that the nurse attended, with an action still open.
        var briefingLog = await app.AsUserAsync(coordinator, async s =>
        {
            var db = s.GetRequiredService<PortalDbContext>();
            var guideNumber = await db.Set<SevenMinuteGuide>().Where(g => g.Versions.Any(v => v.Status == GuideVersionStatus.Published && v.Title == "Dental neglect"))
                .Select(g => g.Number).SingleAsync();
            var (access, logged) = await s.GetRequiredService<BriefingLogs>().RecordAsync(new BriefingInput
            {
                AgencyId = found.health, GuideNumber = guideNumber, DeliveredOn = today.AddDays(-3), Team = "Health visiting north", DeliveredBy = "Hana Begum",
                AttendeeIds = [found.nurse.PractitionerId],
                Actions = [new() { Description = "Add dental checks to the visit template", Owner = "Team manager", DueOn = today.AddDays(10) }],
            });
            Assert.True(logged.Succeeded, PortalArrangements.Errors(logged));
            return logged.Value;
        });
        tokens["OtherAgencysBriefing"] = briefingLog.ToString();
        // The training record the briefing gave the nurse: the one her evaluation links name.
        tokens["OtherPersonsBriefingRecord"] = (await app.InScopeAsync(s => s.GetRequiredService<PortalDbContext>().Set<TrainingRecord>()
            .Where(r => r.PractitionerId == found.nurse.PractitionerId && r.Source == TrainingSource.Briefing).OrderByDescending(r => r.CreatedAt).Select(r => r.Id).FirstAsync())).ToString();
        tokens["OtherAgencysBriefingAction"] = (await app.InScopeAsync(s => s.GetRequiredService<PortalDbContext>().Set<BriefingAction>()
            .Where(a => a.BriefingLogId == briefingLog).Select(a => a.Id).SingleAsync())).ToString();

        // The nurse nominated as the trust's neglect champion, waiting for the training unit.
        var nominated = await app.AsUserAsync(coordinator, s => s.GetRequiredService<ChampionRegister>().NominateAsync(found.health,
            new NominationInput { PractitionerId = found.nurse.PractitionerId, AreaOfInterest = "Early years", StartDate = today }));
        Assert.True(nominated.Result.Succeeded, PortalArrangements.Errors(nominated.Result));
        tokens["OtherAgencysChampion"] = nominated.Result.Value.ToString();
        tokens["OtherAgencysNomination"] = (await app.InScopeAsync(s => s.GetRequiredService<PortalDbContext>().Set<ChampionSpell>()
            .Where(c => c.ChampionId == nominated.Result.Value).Select(c => c.Id).SingleAsync())).ToString();

        // A champion nobody signs in as: a guide still in draft, and one the training unit has published.
        var champion = await app.AccountAsync("amara.osei@northshire-nhs.example", "Amara", "Osei", [Roles.NeglectChampion]);
        GuideInput Guide(string title) => new()
        {
            Title = title, WhatItIs = "What it is.", WhyItMatters = "Why it matters.", WhatResearchSays = "Research.", WhatToLookFor = "Signs.",
            WhatToDo = "Steps.", QuestionsForReflection = "Questions.", FurtherReading = "Reading.",
        };
        var draft = await app.AsUserAsync(champion, s => s.GetRequiredService<GuideEditor>().CreateAsync(Guide("A draft guide")));
        Assert.True(draft.Succeeded, PortalArrangements.Errors(draft));
        tokens["OtherChampionsDraftGuide"] = draft.Value.ToString();
        var guide = await app.AsUserAsync(champion, s => s.GetRequiredService<GuideEditor>().CreateAsync(Guide("A published guide")));
        Assert.True(guide.Succeeded, PortalArrangements.Errors(guide));
        Assert.True((await app.AsUserAsync(champion, s => s.GetRequiredService<GuideEditor>().SubmitAsync(guide.Value))).Result.Succeeded);
        var published = await app.AsUserAsync(coordinator, s => s.GetRequiredService<GuideReview>().PublishAsync(guide.Value, null));
        Assert.True(published.Succeeded, PortalArrangements.Errors(published));
        tokens["PublishedGuide"] = guide.Value.ToString();

        // The demo's open training needs analysis (next April's), with the health trust's figures still to come.
        tokens["Tna"] = (await app.InScopeAsync(s => s.GetRequiredService<PortalDbContext>().Set<TrainingNeedsAnalysis>()
            .Select(a => a.Id).SingleAsync())).ToString();

        // The last ended period's reports, as the daily check makes them.
        var run = await app.InScopeAsync(s => s.GetRequiredService<BiAnnualReportJob>().CheckAsync(CancellationToken.None));
        Assert.NotNull(run);
        tokens["ReportRun"] = run.Value.ToString();
        var reports = await app.InScopeAsync(s => s.GetRequiredService<PortalDbContext>().Set<BiAnnualReport>()
            .Where(r => r.AgencyId == null || r.AgencyId == found.health).Select(r => new { r.Id, r.AgencyId }).ToListAsync());
        tokens["OtherAgencysReport"] = reports.Single(r => r.AgencyId == found.health).Id.ToString();
        tokens["PartnershipReport"] = reports.Single(r => r.AgencyId == null).Id.ToString();

        return new OtherPeoplesData(tokens, $"{found.nurse.FirstName} {found.nurse.LastName}", found.nurse.Email, found.officer.Email);
    }

    /// <summary>
    /// Facts a refused POST must leave as they were: the audit trail and the outbox (every change here writes to one
    /// or the other), and the state of each thing of someone else's that the table's POSTs aim at.
    /// </summary>
    public Task<string> SnapshotAsync(PortalApp app) => app.InScopeAsync(async s =>
    {
        var db = s.GetRequiredService<PortalDbContext>();
        Guid Id(string token) => Guid.Parse(Tokens[token]);
        var (agency, person, booking, import, attempt, record, session) =
            (Id("OtherAgency"), Id("OtherPerson"), Id("OtherPersonsBooking"), Id("OtherAgencysImport"), Id("OtherPersonsAttempt"), Id("OtherPersonsExternalRecord"), Id("OtherTrainersSession"));
        var (briefingLog, briefingAction) = (Id("OtherAgencysBriefing"), Id("OtherAgencysBriefingAction"));
        var facts = new List<object?>
        {
            await db.AuditEntries.CountAsync(),
            await db.Set<OutboxMessage>().CountAsync(),
            await db.Set<Team>().CountAsync(t => t.AgencyId == agency),
            await db.Set<AgencyLead>().CountAsync(l => l.AgencyId == agency),
            await db.Set<Practitioner>().Where(p => p.Id == person).Select(p => p.FirstName + " " + p.LastName + " " + p.Email).SingleAsync(),
            await db.Set<AgencyMembership>().Where(m => m.PractitionerId == person).Select(m => m.Status + " " + m.JobTitle).SingleAsync(),
            await db.Set<Booking>().Where(b => b.Id == booking).Select(b => b.Status).SingleAsync(),
            await db.Set<StaffImport>().Where(i => i.Id == import).Select(i => i.Status).SingleAsync(),
            await db.Set<KnowledgeCheckAttempt>().Where(a => a.Id == attempt).Select(a => a.SubmittedAt).SingleAsync(),
            await db.Set<TrainingRecord>().Where(r => r.Id == record).Select(r => r.Status).SingleAsync(),
            await db.Set<Session>().Where(x => x.Id == session).Select(x => x.Status).SingleAsync(),
            await db.Set<Requirement>().CountAsync(),
            await db.Set<StaffImport>().CountAsync(),
            await db.Set<BriefingLog>().Where(l => l.Id == briefingLog).Select(l => new { l.UpdatedAt, Attendees = l.Attendees.Count }).SingleAsync(),
            await db.Set<BriefingAction>().Where(a => a.Id == briefingAction).Select(a => a.DoneOn).SingleAsync(),
            await db.Set<BriefingLog>().CountAsync(),

            string.Join(",", await db.Set<GuideVersion>().OrderBy(v => v.GuideId).ThenBy(v => v.Number).Select(v => v.Status + " " + v.Title).ToListAsync()),
            await db.Set<SevenMinuteGuide>().CountAsync(g => g.IsRetired),
            await db.Set<EvaluationResponse>().CountAsync(),
            await db.Set<FollowUp>().CountAsync(f => f.Status == FollowUpStatus.Answered),
            string.Join(",", await db.Set<PortalSetting>().Where(x => x.Key == "Evaluation:HoldCertificates" || x.Key == "Evaluation:FollowUpMonths").OrderBy(x => x.Key).Select(x => x.Value).ToListAsync()),
        };
        return string.Join(" | ", facts);
    });
}
