using static TrainingPortal.Core.Security.Roles;

namespace TrainingPortal.IntegrationTests.RouteAccess;

/// <summary>
/// Who may use each route the app maps, and what to try it with. <see cref="RouteAccessTests"/> fails when the app maps
/// a route this table does not list, naming it: add a line for it here.
/// </summary>
/// <remarks>
/// <para>A line is the route as the app maps it (method, pattern, and <c>?handler=Name</c> for a named page handler),
/// who may use it (<see cref="Who"/>), and, when the pattern has parameters, an address whose <c>{Token}</c>s are
/// filled with real ids that belong to someone else (<see cref="OtherPeoplesData"/>: <c>{OtherAgency}</c> is a health
/// trust the police lead does not lead, <c>{OtherPerson}</c> one of its nurses, and so on).</para>
/// <para>For each role and anonymous the test expects: anonymous, sent to sign in (401 under /api); a role not let in,
/// 403; a role let in but not among those who see others' data, 403 or 404 (and, for a POST, 400, 403 or 404 with
/// nothing changed); the rest, <see cref="RouteRule.Ok"/>. POSTs are not sent for roles that may legitimately make the
/// change. With the ids replaced by ones that exist nowhere, those who see others' data get 404.</para>
/// </remarks>
public static class RouteAccessTable
{
    // Who may use what, from each module's Permissions.cs. Administrators hold every permission.
    private static readonly Who SignedIn = Who.Only("everyone signed in", All.ToArray());
    private static readonly Who Learners = Who.Only("learners", Practitioner, NeglectChampion, SafeguardingLead, Trainer, TrainingCoordinator, Administrator);
    private static readonly Who Leads = Who.Only("leads and the training unit", SafeguardingLead, TrainingCoordinator, Administrator);
    private static readonly Who Trainers = Who.Only("trainers and the training unit", Trainer, TrainingCoordinator, Administrator);
    private static readonly Who TrainingUnit = Who.Only("the training unit", TrainingCoordinator, Administrator);
    private static readonly Who PartnershipReaders = Who.Only("the training unit and the board", TrainingCoordinator, BoardMember, Administrator);
    private static readonly Who ReportReaders = Who.Only("leads, the training unit and the board", SafeguardingLead, TrainingCoordinator, BoardMember, Administrator);
    private static readonly Who Briefers = Who.Only("champions, leads and the training unit", NeglectChampion, SafeguardingLead, TrainingCoordinator, Administrator);
    private static readonly Who Administrators = Who.Only("administrators", Administrator);
    private static readonly Who GuideWriters = Who.Only("neglect champions", NeglectChampion, Administrator);
    private static readonly Who Anyone = Who.Anyone;
    private static readonly Who Nobody = Who.Nobody;

    /// <summary>Only the training unit sees another agency's staff (AgencyScope); a lead sees the agencies they lead.</summary>
    private static readonly Who LeadsOwnAgency = Leads.OthersOnlyFor(TrainingUnit);

    public static IReadOnlyList<RouteRule> Rules { get; } =
    [
        // Host: public pages, errors, health, the jobs dashboard.
        Get("/", Anyone),
        Get("/accessibility", Anyone),
        Get("/privacy", Anyone),
        Get("/error/{code:int?}", Anyone, "/error/404") with { Ok = Answer.NotFound },
        Post("/error/{code:int?}", Anyone, "/error/404") with { Ok = Answer.NotFound },
        new("PUT /error/{code:int?}", Anyone, "/error/404") { Ok = Answer.NotFound },
        new("DELETE /error/{code:int?}", Anyone, "/error/404") { Ok = Answer.NotFound },
        Get("/health/live", Anyone),
        Get("/health/ready", Anyone),
        Get("/{**path:file}", SignedIn, "/no-such-file.txt") with { Ok = Answer.NotFound },
        Get("/admin/jobs/{**path}", Administrators, "/admin/jobs"),

        // Identity: signing in and out, one's own account, user and API client administration, the OAuth server.
        Get("/account/login", Anyone),
        Post("/account/login", Anyone),
        // Without a password just given, the two-factor step sends people back to sign in.
        Get("/account/login-with-2fa", Anyone) with { Ok = Answer.SignIn },
        Post("/account/login-with-2fa", Anyone),
        Get("/account/logout", Anyone),
        Post("/account/logout", Anyone) with { Ok = Answer.SignIn },
        Get("/account/access-denied", Anyone) with { Ok = Answer.Forbidden },
        Get("/account/forgot-password", Anyone),
        Post("/account/forgot-password", Anyone),
        // The form shows for any user id, so it does not tell who has an account; a wrong code changes nothing.
        Get("/account/reset-password", Anyone, "/account/reset-password?userId={OtherPersonsUser}&code=bm90LWEtcmVhbC1jb2Rl") with { Missing = Answer.Ok },
        Post("/account/reset-password", Anyone, "/account/reset-password?userId={OtherPersonsUser}&code=bm90LWEtcmVhbC1jb2Rl")
            with { Form = Fields(("Password", "a-guess-at-someone-else"), ("ConfirmPassword", "a-guess-at-someone-else")) },
        // As with reset: the form shows for any user id, and confirming needs the emailed code and the account's password.
        Get("/account/confirm-email", Anyone, "/account/confirm-email?userId={OtherPersonsUser}&code=bm90LWEtcmVhbC1jb2Rl") with { Missing = Answer.Ok },
        Post("/account/confirm-email", Anyone, "/account/confirm-email?userId={OtherPersonsUser}&code=bm90LWEtcmVhbC1jb2Rl")
            with { Form = Fields(("Password", "a-guess-at-someone-else")) },
        Get("/account/notifications", SignedIn),
        Post("/account/notifications", SignedIn),
        Get("/account/two-factor", SignedIn),
        Post("/account/two-factor?handler=Enable", SignedIn),
        Post("/account/two-factor?handler=Disable", SignedIn),
        Get("/admin/users", Administrators),
        Get("/admin/users/{id:guid}", Administrators, "/admin/users/{OtherPersonsUser}"),
        Post("/admin/users/{id:guid}?handler=Roles", Administrators, "/admin/users/{OtherPersonsUser}") with { Form = Fields(("SelectedRoles", Administrator)) },
        Post("/admin/users/{id:guid}?handler=Unlock", Administrators, "/admin/users/{OtherPersonsUser}"),
        Get("/admin/api-clients", Administrators),
        Post("/admin/api-clients", Administrators) with { Form = Fields(("ClientId", "probe-client"), ("DisplayName", "Probe")) },
        Post("/admin/api-clients?handler=Remove", Administrators) with { Form = Fields(("remove", "probe-client")) },
        Get("/connect/authorize", Anyone) with { Ok = Answer.BadRequest },
        Post("/connect/authorize", Anyone) with { Ok = Answer.BadRequest },
        Post("/connect/token", Anyone) with { Ok = Answer.BadRequest },

        // Recipes: set-up, which is over once the portal is set up.
        Get("/setup", Anyone) with { Ok = Answer.Redirect },
        Post("/setup", Anyone) with { Ok = Answer.Redirect },

        // Agencies: agencies, staff records, registration, staff import, the agency API.
        Get("/account/register", Anyone),
        Post("/account/register", Anyone),
        Get("/account/register/check-email", Anyone),
        Get("/agencies", Leads),
        Get("/agencies/new", TrainingUnit),
        Post("/agencies/new", TrainingUnit) with { Form = Fields(("Name", "Probe agency"), ("SectorId", "1")) },
        Get("/agencies/{id:guid}", LeadsOwnAgency, "/agencies/{OtherAgency}"),
        Post("/agencies/{id:guid}?handler=AddTeam", LeadsOwnAgency, "/agencies/{OtherAgency}") with { Form = Fields(("TeamName", "Probe team")) },
        Post("/agencies/{id:guid}?handler=AddLead", TrainingUnit, "/agencies/{OtherAgency}")
            with { Form = Fields(("LeadFirstName", "Probe"), ("LeadLastName", "Lead"), ("LeadEmail", "probe.lead@northshire-police.example")) },
        Get("/agencies/{id:guid}/edit", TrainingUnit, "/agencies/{OtherAgency}/edit"),
        Post("/agencies/{id:guid}/edit", TrainingUnit, "/agencies/{OtherAgency}/edit") with { Form = Fields(("Name", "Renamed"), ("SectorId", "1"), ("IsActive", "false")) },
        Get("/workforce-groups", TrainingUnit),
        Post("/workforce-groups", TrainingUnit) with { Form = Fields(("Code", "G9"), ("Name", "Probe group"), ("Order", "9")) },
        Get("/practitioners", TrainingUnit),
        Get("/agencies/{agencyId:guid}/practitioners", LeadsOwnAgency, "/agencies/{OtherAgency}/practitioners"),
        Get("/agencies/{agencyId:guid}/practitioners/new", LeadsOwnAgency, "/agencies/{OtherAgency}/practitioners/new"),
        Post("/agencies/{agencyId:guid}/practitioners/new", LeadsOwnAgency, "/agencies/{OtherAgency}/practitioners/new") with { Form = StaffForm },
        Get("/agencies/{agencyId:guid}/practitioners/{practitionerId:guid}", LeadsOwnAgency, "/agencies/{OtherAgency}/practitioners/{OtherPerson}")
            with { NotTheirsUrl = "/agencies/{LeadsAgency}/practitioners/{OtherPerson}" },
        Post("/agencies/{agencyId:guid}/practitioners/{practitionerId:guid}?handler=Confirm", LeadsOwnAgency, "/agencies/{OtherAgency}/practitioners/{OtherPerson}")
            with { NotTheirsUrl = "/agencies/{LeadsAgency}/practitioners/{OtherPerson}" },
        Post("/agencies/{agencyId:guid}/practitioners/{practitionerId:guid}?handler=Decline", LeadsOwnAgency, "/agencies/{OtherAgency}/practitioners/{OtherPerson}")
            with { NotTheirsUrl = "/agencies/{LeadsAgency}/practitioners/{OtherPerson}" },
        Post("/agencies/{agencyId:guid}/practitioners/{practitionerId:guid}?handler=Invite", LeadsOwnAgency, "/agencies/{OtherAgency}/practitioners/{OtherPerson}")
            with { NotTheirsUrl = "/agencies/{LeadsAgency}/practitioners/{OtherPerson}" },
        Post("/agencies/{agencyId:guid}/practitioners?handler=InviteAll", LeadsOwnAgency, "/agencies/{OtherAgency}/practitioners"),
        Get("/agencies/{agencyId:guid}/practitioners/{practitionerId:guid}/edit", LeadsOwnAgency, "/agencies/{OtherAgency}/practitioners/{OtherPerson}/edit")
            with { NotTheirsUrl = "/agencies/{LeadsAgency}/practitioners/{OtherPerson}/edit" },
        Post("/agencies/{agencyId:guid}/practitioners/{practitionerId:guid}/edit", LeadsOwnAgency, "/agencies/{OtherAgency}/practitioners/{OtherPerson}/edit")
            with { NotTheirsUrl = "/agencies/{LeadsAgency}/practitioners/{OtherPerson}/edit", Form = StaffForm },
        Get("/agencies/{agencyId:guid}/staff/import", LeadsOwnAgency, "/agencies/{OtherAgency}/staff/import"),
        Post("/agencies/{agencyId:guid}/staff/import", LeadsOwnAgency, "/agencies/{OtherAgency}/staff/import"),
        Get("/agencies/{agencyId:guid}/staff/import/template.{format}", LeadsOwnAgency, "/agencies/{OtherAgency}/staff/import/template.xlsx"),
        Get("/agencies/{agencyId:guid}/staff/import/{importId:guid}", LeadsOwnAgency, "/agencies/{OtherAgency}/staff/import/{OtherAgencysImport}")
            with { NotTheirsUrl = "/agencies/{LeadsAgency}/staff/import/{OtherAgencysImport}" },
        Get("/agencies/{agencyId:guid}/staff/import/{importId:guid}?handler=Progress", LeadsOwnAgency, "/agencies/{OtherAgency}/staff/import/{OtherAgencysImport}")
            with { NotTheirsUrl = "/agencies/{LeadsAgency}/staff/import/{OtherAgencysImport}" },
        Post("/agencies/{agencyId:guid}/staff/import/{importId:guid}?handler=Confirm", LeadsOwnAgency, "/agencies/{OtherAgency}/staff/import/{OtherAgencysImport}")
            with { NotTheirsUrl = "/agencies/{LeadsAgency}/staff/import/{OtherAgencysImport}" },
        Post("/agencies/{agencyId:guid}/staff/import/{importId:guid}?handler=Cancel", LeadsOwnAgency, "/agencies/{OtherAgency}/staff/import/{OtherAgencysImport}")
            with { NotTheirsUrl = "/agencies/{LeadsAgency}/staff/import/{OtherAgencysImport}" },
        // A signed-in person reaches the API with their own scope; the list shows only the agencies they lead.
        Get("/api/agencies/", SignedIn, "/api/agencies"),
        Get("/api/agencies/{id:guid}", SignedIn.OthersOnlyFor(TrainingUnit), "/api/agencies/{OtherAgency}"),

        // Catalogue: courses, e-learning, certificates, external training, course management.
        Get("/courses", Learners),
        Get("/courses/{code}", Learners, "/courses/{CourseCode}"),
        Post("/courses/{code}?handler=Start", Learners, "/courses/{CourseCode}"),
        // A licensed-only file on a course that licenses nobody: only the training unit may open it.
        Get("/courses/{code}/resources/{id:guid}", Learners.OthersOnlyFor(TrainingUnit), "/courses/{ResourceCourseCode}/resources/{LicensedResource}"),
        // One's own e-learning: a course not started (or not there) sends the learner to the course page (which answers 404 for no such course).
        Get("/learn/{code}", Learners, "/learn/{CourseCode}") with { Ok = Answer.OkOrRedirect, Missing = Answer.Redirect },
        Get("/learn/{code}/lessons/{number:int}", Learners, "/learn/{CourseCode}/lessons/{LessonNumber}") with { Ok = Answer.OkOrRedirect, Missing = Answer.Redirect },
        Post("/learn/{code}/lessons/{number:int}", Learners, "/learn/{CourseCode}/lessons/{LessonNumber}"),
        Get("/learn/{code}/check", Learners, "/learn/{CourseCode}/check") with { Ok = Answer.OkOrRedirect, Missing = Answer.Redirect },
        // Nobody may answer someone else's knowledge check.
        Post("/learn/{code}/check", Learners.OthersOnlyFor(Nobody), "/learn/{ELearningCode}/check") with { Form = Fields(("attemptId", "{OtherPersonsAttempt}")) },
        Get("/learn/{code}/result", Learners, "/learn/{CourseCode}/result") with { Ok = Answer.Redirect, Missing = Answer.Redirect },
        Get("/my-learning", Learners),
        // A certificate is seen by its holder, their leads and the training unit.
        Get("/certificates/{number}", SignedIn.OthersOnlyFor(TrainingUnit), "/certificates/{OtherPersonsCertificate}"),
        Get("/certificates/{number}?handler=Pdf", SignedIn.OthersOnlyFor(TrainingUnit), "/certificates/{OtherPersonsCertificate}"),
        Get("/certificates/certificate.css", Anyone),
        // Anyone holding a certificate number may check it: the holder's name, the course and the dates.
        // Public by design (an employer checks a certificate it was shown); a number that does not exist is 404.
        Get("/certificates/verify/{number?}", Anyone, "/certificates/verify/{OtherPersonsCertificate}") with { NamesPeopleByDesign = true },
        Get("/catalogue/approvals", TrainingUnit),
        Post("/catalogue/approvals?handler=Approve", TrainingUnit) with { Form = Fields(("recordId", "{OtherPersonsExternalRecord}")) },
        Post("/catalogue/approvals?handler=Reject", TrainingUnit) with { Form = Fields(("recordId", "{OtherPersonsExternalRecord}"), ("Note", "Not equivalent")) },
        Get("/catalogue/approvals/{id:guid}/evidence", TrainingUnit, "/catalogue/approvals/{OtherPersonsExternalRecord}/evidence"),
        Get("/catalogue/courses", TrainingUnit),
        Get("/catalogue/courses/new", TrainingUnit),
        Post("/catalogue/courses/new", TrainingUnit),
        Get("/catalogue/courses/{id:guid}", TrainingUnit, "/catalogue/courses/{Course}"),
        Get("/catalogue/courses/{id:guid}?handler=File", TrainingUnit, "/catalogue/courses/{ResourceCourse}?handler=File&resourceId={LicensedResource}"),
        Post("/catalogue/courses/{id:guid}?handler=Publish", TrainingUnit, "/catalogue/courses/{Course}"),
        Post("/catalogue/courses/{id:guid}?handler=Retire", TrainingUnit, "/catalogue/courses/{Course}"),
        Post("/catalogue/courses/{id:guid}?handler=Resource", TrainingUnit, "/catalogue/courses/{Course}"),
        Get("/catalogue/courses/{id:guid}/edit", TrainingUnit, "/catalogue/courses/{Course}/edit"),
        Post("/catalogue/courses/{id:guid}/edit", TrainingUnit, "/catalogue/courses/{Course}/edit"),
        Get("/catalogue/courses/{id:guid}/lessons/new", TrainingUnit, "/catalogue/courses/{Course}/lessons/new"),
        Post("/catalogue/courses/{id:guid}/lessons/new", TrainingUnit, "/catalogue/courses/{Course}/lessons/new"),
        Post("/catalogue/courses/{id:guid}/lessons/new?handler=Preview", TrainingUnit, "/catalogue/courses/{Course}/lessons/new"),
        Get("/catalogue/courses/{id:guid}/lessons/{order:int}", TrainingUnit, "/catalogue/courses/{Course}/lessons/{LessonNumber}"),
        Post("/catalogue/courses/{id:guid}/lessons/{order:int}", TrainingUnit, "/catalogue/courses/{Course}/lessons/{LessonNumber}"),
        Post("/catalogue/courses/{id:guid}/lessons/{order:int}?handler=Preview", TrainingUnit, "/catalogue/courses/{Course}/lessons/{LessonNumber}"),
        Get("/catalogue/courses/{id:guid}/questions/new", TrainingUnit, "/catalogue/courses/{Course}/questions/new"),
        Post("/catalogue/courses/{id:guid}/questions/new", TrainingUnit, "/catalogue/courses/{Course}/questions/new"),
        Get("/catalogue/courses/{id:guid}/questions/{order:int}", TrainingUnit, "/catalogue/courses/{Course}/questions/{LessonNumber}"),
        Post("/catalogue/courses/{id:guid}/questions/{order:int}", TrainingUnit, "/catalogue/courses/{Course}/questions/{LessonNumber}"),
        Get("/agencies/{agencyId:guid}/practitioners/{practitionerId:guid}/training", LeadsOwnAgency, "/agencies/{OtherAgency}/practitioners/{OtherPerson}/training")
            with { NotTheirsUrl = "/agencies/{LeadsAgency}/practitioners/{OtherPerson}/training" },
        Post("/agencies/{agencyId:guid}/practitioners/{practitionerId:guid}/training", LeadsOwnAgency, "/agencies/{OtherAgency}/practitioners/{OtherPerson}/training")
            with { NotTheirsUrl = "/agencies/{LeadsAgency}/practitioners/{OtherPerson}/training", Form = ExternalTrainingForm },

        // Compliance: one's own needs, agency dashboards, the partnership view, requirements.
        Get("/what-i-need", Learners),
        Get("/compliance", Leads) with { Ok = Answer.OkOrRedirect },
        Get("/compliance/agencies/{agencyId:guid}", LeadsOwnAgency, "/compliance/agencies/{OtherAgency}"),
        Post("/compliance/agencies/{agencyId:guid}?handler=Remind", LeadsOwnAgency, "/compliance/agencies/{OtherAgency}") with { Form = Fields(("Selected", "{OtherPerson}")) },
        Get("/compliance/agencies/{agencyId:guid}/export", LeadsOwnAgency, "/compliance/agencies/{OtherAgency}/export"),
        Get("/compliance/agencies/{agencyId:guid}/practitioners/{practitionerId:guid}", LeadsOwnAgency, "/compliance/agencies/{OtherAgency}/practitioners/{OtherPerson}")
            with { NotTheirsUrl = "/compliance/agencies/{LeadsAgency}/practitioners/{OtherPerson}" },
        Post("/compliance/agencies/{agencyId:guid}/practitioners/{practitionerId:guid}?handler=Remind", LeadsOwnAgency, "/compliance/agencies/{OtherAgency}/practitioners/{OtherPerson}")
            with { NotTheirsUrl = "/compliance/agencies/{LeadsAgency}/practitioners/{OtherPerson}" },
        Get("/compliance/partnership", PartnershipReaders),
        Get("/compliance/partnership/trend", PartnershipReaders),
        Get("/compliance/requirements", TrainingUnit),
        Post("/compliance/requirements?handler=DueSoon", TrainingUnit) with { Form = Fields(("DueSoonDays", "1")) },
        Get("/compliance/requirements/new", TrainingUnit),
        Post("/compliance/requirements/new", TrainingUnit),
        Get("/compliance/requirements/{id:guid}", TrainingUnit, "/compliance/requirements/{Requirement}"),
        Post("/compliance/requirements/{id:guid}", TrainingUnit, "/compliance/requirements/{Requirement}"),
        Get("/compliance/requirements/{id:guid}/remove", TrainingUnit, "/compliance/requirements/{Requirement}/remove"),
        Post("/compliance/requirements/{id:guid}/remove", TrainingUnit, "/compliance/requirements/{Requirement}/remove"),
        Get("/compliance/settings/notifications", TrainingUnit),
        Post("/compliance/settings/notifications", TrainingUnit) with { Form = Fields(("LeastFrequent", "Immediately")) },

        // Champions: team briefings, for the agencies a champion champions or a lead leads; the training unit all.
        Get("/briefings", Briefers),
        Get("/briefings/actions", Briefers),
        Post("/briefings/actions?handler=Done", Briefers.OthersOnlyFor(TrainingUnit)) with { Form = Fields(("actionId", "{OtherAgencysBriefingAction}")) },
        Get("/briefings/new", Briefers.OthersOnlyFor(TrainingUnit), "/briefings/new?agencyId={OtherAgency}"),
        Post("/briefings/new", Briefers.OthersOnlyFor(TrainingUnit))
            with { Form = Fields(("Input.AgencyId", "{OtherAgency}"), ("Input.GuideNumber", "1"), ("Input.DeliveredOn.Day", "1"), ("Input.DeliveredOn.Month", "1"),
                ("Input.DeliveredOn.Year", "2026"), ("Input.Team", "Probe"), ("Input.DeliveredBy", "Probe"), ("Input.AttendeeIds", "{OtherPerson}")) },
        Get("/briefings/{id:guid}", Briefers.OthersOnlyFor(TrainingUnit), "/briefings/{OtherAgencysBriefing}"),
        Post("/briefings/{id:guid}?handler=Done", Briefers.OthersOnlyFor(TrainingUnit), "/briefings/{OtherAgencysBriefing}")
            with { Form = Fields(("actionId", "{OtherAgencysBriefingAction}"), ("done", "true")) },
        Get("/briefings/{id:guid}/edit", Briefers.OthersOnlyFor(TrainingUnit), "/briefings/{OtherAgencysBriefing}/edit"),
        Post("/briefings/{id:guid}/edit", Briefers.OthersOnlyFor(TrainingUnit), "/briefings/{OtherAgencysBriefing}/edit")
            with { Form = Fields(("Input.GuideNumber", "1"), ("Input.Team", "Probe"), ("Input.DeliveredBy", "Probe"), ("Input.AttendeeIds", "{OtherPerson}")) },

        // Evaluation: one's own completions only; nobody answers for someone else, whatever their role.
        Get("/evaluation/mine", Learners),
        Get("/evaluation/{trainingRecordId:guid}", Learners.OthersOnlyFor(Nobody), "/evaluation/{OtherPersonsBriefingRecord}"),
        Post("/evaluation/{trainingRecordId:guid}", Learners.OthersOnlyFor(Nobody), "/evaluation/{OtherPersonsBriefingRecord}") with { Form = EvaluationForm },
        Get("/evaluation/{trainingRecordId:guid}/follow-up", Learners.OthersOnlyFor(Nobody), "/evaluation/{OtherPersonsBriefingRecord}/follow-up"),
        Post("/evaluation/{trainingRecordId:guid}/follow-up", Learners.OthersOnlyFor(Nobody), "/evaluation/{OtherPersonsBriefingRecord}/follow-up")
            with { Form = Fields(("Input.PracticeChange", "NotChanged"), ("Input.UseFrequency", "Weekly")) },
        Get("/evaluation/settings", TrainingUnit),
        Post("/evaluation/settings", TrainingUnit) with { Form = Fields(("Input.HoldCertificates", "true"), ("Input.FollowUpMonths", "6")) },

        // Champions: the register. Leads nominate for their agencies, the training unit decides and sees names, the board counts.
        Get("/champions", ReportReaders),
        Get("/champions/export", TrainingUnit),
        Get("/champions/agencies/{id:guid}", LeadsOwnAgency, "/champions/agencies/{OtherAgency}"),
        Get("/champions/agencies/{id:guid}/export", LeadsOwnAgency, "/champions/agencies/{OtherAgency}/export"),
        Get("/champions/agencies/{id:guid}/nominate", LeadsOwnAgency, "/champions/agencies/{OtherAgency}/nominate"),
        Post("/champions/agencies/{id:guid}/nominate", LeadsOwnAgency, "/champions/agencies/{OtherAgency}/nominate")
            with { Form = Fields(("Input.PractitionerId", "{OtherPerson}"), ("Input.AreaOfInterest", "Probe")) },
        Get("/champions/{id:guid}", LeadsOwnAgency, "/champions/{OtherAgencysChampion}"),
        Post("/champions/{id:guid}", LeadsOwnAgency, "/champions/{OtherAgencysChampion}") with { Form = Fields(("Input.Reason", "Probe")) },
        Get("/champions/nominations/{id:guid}", TrainingUnit, "/champions/nominations/{OtherAgencysNomination}"),
        Post("/champions/nominations/{id:guid}", TrainingUnit, "/champions/nominations/{OtherAgencysNomination}")
            with { Form = Fields(("Input.Decision", "Decline"), ("Input.Reason", "Probe")) },

        // Evaluation results: the training unit every course with comments, the board the partnership's totals, a lead their agencies' totals.
        Get("/evaluation/results", ReportReaders),
        Get("/evaluation/results/{courseCode}", TrainingUnit, "/evaluation/results/{CourseCode}"),
        Get("/evaluation/results/agencies/{agencyId:guid}", LeadsOwnAgency, "/evaluation/results/agencies/{OtherAgency}"),

        // Training needs analysis: a lead fills in their agencies' figures, the training unit runs the year, the board reads the gap.
        Get("/tna", ReportReaders),
        Get("/tna/open", TrainingUnit),
        Post("/tna/open", TrainingUnit) with { Form = Fields(("Input.StartYear", "2030"), ("Input.Deadline.Day", "1"), ("Input.Deadline.Month", "1"), ("Input.Deadline.Year", "2030")) },
        Get("/tna/{id:guid}", PartnershipReaders, "/tna/{Tna}"),
        Get("/tna/{id:guid}/export", PartnershipReaders, "/tna/{Tna}/export"),
        Get("/tna/{id:guid}/agencies/{agencyId:guid}", LeadsOwnAgency, "/tna/{Tna}/agencies/{OtherAgency}"),
        Post("/tna/{id:guid}/agencies/{agencyId:guid}?handler=Save", LeadsOwnAgency, "/tna/{Tna}/agencies/{OtherAgency}")
            with { Form = Fields(("Input.Groups[0].WorkforceGroupId", "1"), ("Input.Groups[0].PlannedStarters", "5")) },
        Post("/tna/{id:guid}/agencies/{agencyId:guid}?handler=Submit", LeadsOwnAgency, "/tna/{Tna}/agencies/{OtherAgency}")
            with { Form = Fields(("Input.Groups[0].WorkforceGroupId", "1"), ("Input.Groups[0].PlannedStarters", "5")) },
        Post("/tna/{id:guid}/agencies/{agencyId:guid}?handler=Reopen", LeadsOwnAgency, "/tna/{Tna}/agencies/{OtherAgency}")
            with { Form = Fields(("Reopen.Reason", "Probe")) },

        // Reporting: a lead sees their agencies' reports, the board the partnership's, the training unit all.
        Get("/reports", ReportReaders),
        Post("/reports?handler=Run", TrainingUnit),
        Get("/reports/{reportId:guid}", ReportReaders.OthersOnlyFor(TrainingUnit), "/reports/{OtherAgencysReport}")
            with { AlsoAt = [("/reports/{PartnershipReport}", ReportReaders.OthersOnlyFor(PartnershipReaders))] },
        Get("/reports/{reportId:guid}/workbook", ReportReaders.OthersOnlyFor(TrainingUnit), "/reports/{OtherAgencysReport}/workbook")
            with { AlsoAt = [("/reports/{PartnershipReport}/workbook", ReportReaders.OthersOnlyFor(PartnershipReaders))] },
        Get("/reports/runs/{runId:guid}", TrainingUnit, "/reports/runs/{ReportRun}"),
        Get("/reports/runs/{runId:guid}?handler=Progress", TrainingUnit, "/reports/runs/{ReportRun}"),

        // Sessions: booking, one's own bookings, leads' agency bookings and approvals, registers, scheduling.
        Get("/sessions/{id:guid}", Learners, "/sessions/{OtherTrainersSession}"),
        Post("/sessions/{id:guid}?handler=Book", Learners, "/sessions/{OtherTrainersSession}"),
        Get("/my-bookings", Learners),
        Get("/my-bookings/{bookingId:guid}/cancel", Learners.OthersOnlyFor(TrainingUnit), "/my-bookings/{OtherPersonsBooking}/cancel"),
        Post("/my-bookings/{bookingId:guid}/cancel", Learners.OthersOnlyFor(TrainingUnit), "/my-bookings/{OtherPersonsBooking}/cancel"),
        Get("/check-in", Learners),
        Post("/check-in", Learners) with { Form = Fields(("Code", "ZZZZZZ")) },
        Get("/sessions/agency", LeadsOwnAgency, "/sessions/agency?agency={OtherAgency}"),
        Get("/sessions/agency/bookings/{bookingId:guid}/cancel", LeadsOwnAgency, "/sessions/agency/bookings/{OtherPersonsBooking}/cancel"),
        Post("/sessions/agency/bookings/{bookingId:guid}/cancel", LeadsOwnAgency, "/sessions/agency/bookings/{OtherPersonsBooking}/cancel"),
        Get("/sessions/requests", Leads),
        Post("/sessions/requests?handler=Approve", LeadsOwnAgency) with { Form = Fields(("bookingId", "{OtherPersonsBooking}")) },
        Post("/sessions/requests?handler=Decline", LeadsOwnAgency) with { Form = Fields(("bookingId", "{OtherPersonsBooking}"), ("Reason", "No places for your agency")) },
        Get("/sessions/mine", Trainers),
        // A trainer takes the registers of the sessions they deliver; the training unit any.
        Get("/sessions/{id:guid}/register", Trainers.OthersOnlyFor(TrainingUnit), "/sessions/{OtherTrainersSession}/register"),
        Get("/sessions/{id:guid}/register?handler=Workbook", Trainers.OthersOnlyFor(TrainingUnit), "/sessions/{OtherTrainersSession}/register"),
        Post("/sessions/{id:guid}/register", Trainers.OthersOnlyFor(TrainingUnit), "/sessions/{OtherTrainersSession}/register") with { Form = Fields(("Marks[{OtherPersonsBooking}]", "Attended")) },
        Post("/sessions/{id:guid}/register?handler=Close", Trainers.OthersOnlyFor(TrainingUnit), "/sessions/{OtherTrainersSession}/register"),
        Get("/sessions/{id:guid}/sign-in-sheet", Trainers.OthersOnlyFor(TrainingUnit), "/sessions/{OtherTrainersSession}/sign-in-sheet"),
        Get("/sessions", TrainingUnit),
        Get("/sessions/new", TrainingUnit),
        Post("/sessions/new", TrainingUnit),
        Get("/sessions/{id:guid}/edit", TrainingUnit, "/sessions/{OtherTrainersSession}/edit"),
        Post("/sessions/{id:guid}/edit", TrainingUnit, "/sessions/{OtherTrainersSession}/edit"),
        Get("/sessions/{id:guid}/manage", TrainingUnit, "/sessions/{OtherTrainersSession}/manage"),
        Post("/sessions/{id:guid}/manage?handler=Cancel", TrainingUnit, "/sessions/{OtherTrainersSession}/manage") with { Form = Fields(("Reason", "Trainer unwell")) },
        Get("/sessions/charges", TrainingUnit),
        Get("/sessions/charges?handler=Workbook", TrainingUnit),
        Get("/sessions/settings", TrainingUnit),
        Post("/sessions/settings", TrainingUnit),

        // Champions: seven-minute guides. Everyone reads the library; a draft is seen only by its author and the training unit.
        Get("/guides", SignedIn),
        Get("/guides/{number:int}", SignedIn, "/guides/{PublishedGuide}")
            with { AlsoAt = [("/guides/{OtherChampionsDraftGuide}", SignedIn.OthersOnlyFor(TrainingUnit))] },
        Get("/guides/{number:int}/print", SignedIn, "/guides/{PublishedGuide}/print")
            with { AlsoAt = [("/guides/{OtherChampionsDraftGuide}/print", SignedIn.OthersOnlyFor(TrainingUnit))] },
        Get("/guides/{number:int}/pdf", SignedIn, "/guides/{PublishedGuide}/pdf"),
        Get("/guides/mine", GuideWriters),
        Get("/guides/new", GuideWriters),
        Post("/guides/new", GuideWriters),
        Post("/guides/new?handler=Submit", GuideWriters),
        Get("/guides/{number:int}/edit", SignedIn.OthersOnlyFor(TrainingUnit), "/guides/{OtherChampionsDraftGuide}/edit"),
        Get("/guides/{number:int}/edit?handler=Check", SignedIn.OthersOnlyFor(TrainingUnit), "/guides/{OtherChampionsDraftGuide}/edit"),
        Post("/guides/{number:int}/edit", SignedIn.OthersOnlyFor(TrainingUnit), "/guides/{OtherChampionsDraftGuide}/edit") with { Form = GuideForm },
        Post("/guides/{number:int}/edit?handler=Submit", SignedIn.OthersOnlyFor(TrainingUnit), "/guides/{OtherChampionsDraftGuide}/edit") with { Form = GuideForm },
        Get("/guides/review", TrainingUnit),
        Get("/guides/{number:int}/review", TrainingUnit, "/guides/{OtherChampionsDraftGuide}/review"),
        Post("/guides/{number:int}/review?handler=Return", TrainingUnit, "/guides/{PublishedGuide}/review") with { Form = Fields(("Input.Comments", "Start again")) },
        Post("/guides/{number:int}/review?handler=Publish", TrainingUnit, "/guides/{PublishedGuide}/review"),
        Post("/guides/{number:int}/review?handler=ReviewDate", TrainingUnit, "/guides/{PublishedGuide}/review")
            with { Form = Fields(("Input.ReviewDate.Day", "1"), ("Input.ReviewDate.Month", "1"), ("Input.ReviewDate.Year", "2099")) },
        Post("/guides/{number:int}/review?handler=Retire", TrainingUnit, "/guides/{PublishedGuide}/review"),
    ];

    private static IReadOnlyDictionary<string, string> StaffForm => Fields(
        ("Input.FirstName", "Changed"), ("Input.LastName", "ByAnotherAgency"), ("Input.Email", "changed.by.another@northshire-nhs.example"), ("Input.WorkforceGroupId", "1"));

    private static IReadOnlyDictionary<string, string> ExternalTrainingForm => Fields(
        ("Input.CourseId", "{Course}"), ("Input.CompletedOn.Day", "1"), ("Input.CompletedOn.Month", "1"), ("Input.CompletedOn.Year", "2025"),
        ("Input.Provider", "Somewhere"), ("Input.Reason", "Recorded by someone who is not their lead"));

    private static IReadOnlyDictionary<string, string> EvaluationForm => Fields(
        ("Input.OverallRating", "1"), ("Input.Outcomes[0].Before", "1"), ("Input.Outcomes[0].After", "1"), ("Input.DoingDifferently", "Answered by someone else"));

    private static IReadOnlyDictionary<string, string> GuideForm => Fields(
        ("Input.Format", "SevenMinute"), ("Input.Title", "Taken over by someone else"), ("Input.WhatItIs", "Changed by someone who is not the author"));

    private static RouteRule Get(string pattern, Who who, string? url = null) => new($"GET {pattern}", who, url);

    private static RouteRule Post(string pattern, Who who, string? url = null) => new($"POST {pattern}", who, url);

    private static IReadOnlyDictionary<string, string> Fields(params (string Name, string Value)[] fields) => fields.ToDictionary(f => f.Name, f => f.Value);
}
