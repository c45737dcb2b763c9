using Microsoft.EntityFrameworkCore;
using TrainingPortal.Catalogue.Domain;
using TrainingPortal.Catalogue.Services;

namespace TrainingPortal.Catalogue.Tests;

public sealed class ExternalTrainingTests : IDisposable
{
    private readonly CataloguePortal portal = new();

    public void Dispose() => portal.Dispose();

    [Fact]
    public async Task A_future_date_and_a_missing_provider_and_reason_are_all_reported_and_nothing_is_recorded()
    {
        var course = await CourseAsync();
        var (_, nurse) = await portal.LearnerAsync("Nia", "Hughes");
        var input = new ExternalTrainingInput { CourseId = course, CompletedOn = portal.Today.AddDays(1), Provider = " ", Reason = null };

        var result = await portal.InRequest(TestUser.Coordinator, s => s.Records.RecordExternalAsync(portal.Health, nurse, input, null));

        Assert.Equal(
            [
                ("CompletedOn", "The date the training was completed must be today or in the past"),
                ("Provider", "Enter who provided the training"),
                ("Reason", "Enter why this training should count, for example what it covered"),
            ],
            result.Errors.Select(e => (e.Field, e.Message)));
        Assert.Empty(await portal.InRequest(TestUser.Coordinator, s => s.Records.ForPractitionerAsync(nurse)));
    }

    [Fact]
    public async Task Training_completed_today_can_be_recorded()
    {
        var course = await CourseAsync();
        var (_, nurse) = await portal.LearnerAsync("Nia", "Hughes");

        var result = await portal.InRequest(TestUser.Coordinator, s => s.Records.RecordExternalAsync(portal.Health, nurse, Input(course, portal.Today), null));

        Assert.True(result.Succeeded);
    }

    [Theory]
    [InlineData("certificate.exe", 1024, "The evidence must be a PDF, PNG, JPG or DOCX file")]
    [InlineData("certificate.pdf.exe", 1024, "The evidence must be a PDF, PNG, JPG or DOCX file")]
    [InlineData("certificate", 1024, "The evidence must be a PDF, PNG, JPG or DOCX file")]
    [InlineData("certificate.pdf", TrainingRecords.MaxEvidenceBytes + 1, "The evidence must be smaller than 5 MB")]
    [InlineData("certificate.pdf", 0, "The selected file is empty")]
    public async Task Evidence_of_the_wrong_type_or_size_is_refused(string fileName, int size, string message)
    {
        var course = await CourseAsync();
        var (_, nurse) = await portal.LearnerAsync("Nia", "Hughes");
        var evidence = new EvidenceFile(fileName, "application/octet-stream", new byte[size]);

        var result = await portal.InRequest(TestUser.Coordinator, s => s.Records.RecordExternalAsync(portal.Health, nurse, Input(course), evidence));

        var error = Assert.Single(result.Errors);
        Assert.Equal(("Evidence", message), (error.Field, error.Message));
        Assert.Empty(await portal.InRequest(TestUser.Coordinator, s => s.Records.ForPractitionerAsync(nurse)));
    }

    [Fact]
    public async Task A_lead_records_external_training_for_their_own_staff_with_evidence_and_it_waits_for_approval()
    {
        var course = await CourseAsync();
        var (_, nurse) = await portal.LearnerAsync("Nia", "Hughes");
        var lead = await portal.LeadAsync(portal.Health);
        var evidence = new EvidenceFile("Certificate.PDF", "application/octet-stream", [1, 2, 3]);

        var result = await portal.InRequest(lead, s => s.Records.RecordExternalAsync(portal.Health, nurse, Input(course), evidence));

        Assert.True(result.Succeeded);
        var (access, records) = await portal.InRequest(lead, s => s.Records.ForStaffAsync(portal.Health, nurse));
        Assert.Equal(Agencies.Services.Access.Allowed, access);
        var record = Assert.Single(records);
        Assert.Equal((RecordStatus.AwaitingApproval, TrainingSource.External, "County council", true), (record.Status, record.Source, record.Provider, record.HasEvidence));
        var stored = await portal.InRequest(TestUser.Coordinator, s => s.Records.EvidenceAsync(record.Id));
        Assert.Equal("application/pdf", stored!.ContentType);
        Assert.Equal([1, 2, 3], stored.Content);
        var pending = Assert.Single(await portal.InRequest(TestUser.Coordinator, s => s.Records.AwaitingApprovalAsync()));
        Assert.Equal(("Nia Hughes", "Neglect basic awareness"), (pending.Practitioner, pending.Course));
    }

    [Fact]
    public async Task A_lead_of_another_agency_cannot_record_training_for_someone_they_do_not_lead()
    {
        var course = await CourseAsync();
        var (_, nurse) = await portal.LearnerAsync("Nia", "Hughes");
        var policeLead = await portal.LeadAsync(portal.Police);

        var viaTheirAgency = await portal.InRequest(policeLead, s => s.Records.RecordExternalAsync(portal.Health, nurse, Input(course), null));
        var viaOwnAgency = await portal.InRequest(policeLead, s => s.Records.RecordExternalAsync(portal.Police, nurse, Input(course), null));

        Assert.Equal("You cannot record training for this person.", Assert.Single(viaTheirAgency.Errors).Message);
        Assert.Equal("You cannot record training for this person.", Assert.Single(viaOwnAgency.Errors).Message);
        Assert.Equal(0, await portal.InRequest(TestUser.Coordinator, s => s.Db.Set<TrainingRecord>().CountAsync()));
    }

    [Fact]
    public async Task External_training_can_only_be_matched_to_a_published_course()
    {
        var draft = await portal.CourseAsync(CataloguePortal.Course("NEG-DRAFT", "Neglect draft", DeliveryMode.FaceToFace), publish: false);
        var (_, nurse) = await portal.LearnerAsync("Nia", "Hughes");

        var result = await portal.InRequest(TestUser.Coordinator, s => s.Records.RecordExternalAsync(portal.Health, nurse, Input(draft), null));

        var error = Assert.Single(result.Errors);
        Assert.Equal(("CourseId", "Select the course this training was equivalent to"), (error.Field, error.Message));
    }

    [Fact]
    public async Task A_lead_cannot_see_the_training_of_someone_they_declined()
    {
        var course = await CourseAsync();
        var (_, person) = await portal.LearnerAsync("Sam", "Ward", portal.Police);
        var record = await portal.CompletedAsync(person, course, portal.Today);
        await portal.InRequest(TestUser.Coordinator, async s =>
        {
            s.Db.Add(new Agencies.Domain.AgencyMembership { Id = Guid.NewGuid(), PractitionerId = person, AgencyId = portal.Health, Status = Agencies.Domain.MembershipStatus.Declined });
            await s.Db.SaveChangesAsync();
        });
        var healthLead = await portal.LeadAsync(portal.Health);

        var (access, records) = await portal.InRequest(healthLead, s => s.Records.ForStaffAsync(portal.Health, person));
        var certificate = await portal.InRequest(healthLead, s => s.Certificates.GetAsync(record.CertificateNumber));

        Assert.NotEqual(Agencies.Services.Access.Allowed, access);
        Assert.Empty(records);
        Assert.Null(certificate);
    }

    [Fact]
    public async Task Approved_external_training_counts_for_prerequisites()
    {
        var basic = await CourseAsync();
        var advancedInput = CataloguePortal.Course("NEG-ADV", "Advanced neglect", DeliveryMode.FaceToFace);
        advancedInput.PrerequisiteIds = [basic];
        var advanced = await portal.CourseAsync(advancedInput);
        var (_, nurse) = await portal.LearnerAsync("Nia", "Hughes");
        var id = (await portal.InRequest(TestUser.Coordinator, s => s.Records.RecordExternalAsync(portal.Health, nurse, Input(basic), null))).Value;
        var before = await portal.InRequest(TestUser.Coordinator, s => s.Qualifications.MissingPrerequisitesAsync(nurse, advanced));

        var decided = await portal.InRequest(TestUser.Coordinator, s => s.Records.DecideAsync(id, approve: true, null));

        Assert.True(decided.Succeeded);
        Assert.Single(before);
        Assert.Empty(await portal.InRequest(TestUser.Coordinator, s => s.Qualifications.MissingPrerequisitesAsync(nurse, advanced)));
        Assert.Empty(await portal.InRequest(TestUser.Coordinator, s => s.Records.AwaitingApprovalAsync()));
        Assert.Equal(RecordStatus.Approved, Assert.Single(await portal.InRequest(TestUser.Coordinator, s => s.Records.ForPractitionerAsync(nurse))).Status);
    }

    [Fact]
    public async Task Rejecting_external_training_needs_a_note()
    {
        var course = await CourseAsync();
        var (_, nurse) = await portal.LearnerAsync("Nia", "Hughes");
        var id = (await portal.InRequest(TestUser.Coordinator, s => s.Records.RecordExternalAsync(portal.Health, nurse, Input(course), null))).Value;

        var withoutNote = await portal.InRequest(TestUser.Coordinator, s => s.Records.DecideAsync(id, approve: false, "  "));
        var stillWaiting = await portal.InRequest(TestUser.Coordinator, s => s.Records.AwaitingApprovalAsync());
        var withNote = await portal.InRequest(TestUser.Coordinator, s => s.Records.DecideAsync(id, approve: false, "The certificate is for a different course"));
        var again = await portal.InRequest(TestUser.Coordinator, s => s.Records.DecideAsync(id, approve: true, null));

        var error = Assert.Single(withoutNote.Errors);
        Assert.Equal(("Note", "Enter why the training is not accepted"), (error.Field, error.Message));
        Assert.Single(stillWaiting);
        Assert.True(withNote.Succeeded);
        Assert.Equal("This record has already been decided.", Assert.Single(again.Errors).Message);
        Assert.Equal(RecordStatus.Rejected, Assert.Single(await portal.InRequest(TestUser.Coordinator, s => s.Records.ForPractitionerAsync(nurse))).Status);
    }

    private Task<Guid> CourseAsync()
    {
        var input = CataloguePortal.Course("NEG-BASIC", "Neglect basic awareness", DeliveryMode.FaceToFace);
        input.ValidityMonths = 36;
        return portal.CourseAsync(input);
    }

    private ExternalTrainingInput Input(Guid course, DateOnly? completedOn = null) => new()
    {
        CourseId = course,
        CompletedOn = completedOn ?? portal.Today.AddMonths(-1),
        Provider = "County council",
        Reason = "Two-day neglect course covering the same outcomes",
    };
}
