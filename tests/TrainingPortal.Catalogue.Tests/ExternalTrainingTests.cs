using System.Text;
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

    public static TheoryData<string, byte[], string> RealEvidence => new()
    {
        { "certificate.pdf", Pdf, "application/pdf" },
        { "Certificate.PDF", Pdf, "application/pdf" },
        { "scan.png", Png, "image/png" },
        { "scan.jpg", Jpeg, "image/jpeg" },
        { "scan.JPEG", Jpeg, "image/jpeg" },
        { "letter.docx", Docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
    };

    [Theory]
    [MemberData(nameof(RealEvidence))]
    public async Task Evidence_whose_content_is_what_its_name_says_is_stored_and_served_as_that_type(string fileName, byte[] content, string contentType)
    {
        var course = await CourseAsync();
        var (_, nurse) = await portal.LearnerAsync("Nia", "Hughes");

        var result = await portal.InRequest(TestUser.Coordinator, s => s.Records.RecordExternalAsync(portal.Health, nurse, Input(course), new EvidenceFile(fileName, "text/html", content)));

        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
        var served = await portal.InRequest(TestUser.Coordinator, s => s.Records.EvidenceAsync(result.Value));
        Assert.Equal((fileName, contentType), (served!.FileName, served.ContentType));
        Assert.Equal(content, served.Content);
    }

    public static TheoryData<string, byte[], string> DisguisedEvidence => new()
    {
        { "certificate.pdf", Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body><script>fetch('/account')</script></body></html>"), "a real PDF" },
        { "certificate.pdf", [(byte)'M', (byte)'Z', 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xFF, 0xFF], "a real PDF" },
        { "certificate.pdf", Encoding.UTF8.GetBytes("<html><!-- %PDF-1.4 --></html>"), "a real PDF" },
        { "scan.png", Jpeg, "a real PNG image" },
        { "scan.jpg", Png, "a real JPG image" },
        { "letter.docx", Pdf, "a real Word document" },
        { "letter.docx", [0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4, 5, 6], "a real Word document" },
        { "letter.docx", ZipFiles.Create(("[Content_Types].xml", ContentTypes), ("xl/workbook.xml", "<workbook/>")), "a real Word document" },
    };

    [Theory]
    [MemberData(nameof(DisguisedEvidence))]
    public async Task Evidence_whose_content_is_not_what_its_name_says_is_refused_and_nothing_is_recorded(string fileName, byte[] content, string notA)
    {
        var course = await CourseAsync();
        var (_, nurse) = await portal.LearnerAsync("Nia", "Hughes");

        var result = await portal.InRequest(TestUser.Coordinator, s => s.Records.RecordExternalAsync(portal.Health, nurse, Input(course), new EvidenceFile(fileName, "application/pdf", content)));

        var error = Assert.Single(result.Errors);
        Assert.Equal(("Evidence", $"The selected file is not {notA}. The evidence must be a PDF, PNG, JPG or DOCX file"), (error.Field, error.Message));
        Assert.Equal((0, 0), await portal.InRequest(TestUser.Coordinator, async s => (await s.Db.Set<TrainingRecord>().CountAsync(), await s.Db.Set<TrainingEvidence>().CountAsync())));
    }

    [Fact]
    public async Task Evidence_kept_from_before_its_content_was_checked_is_served_as_an_unrecognised_file_unless_it_is_what_its_name_says()
    {
        var course = await CourseAsync();
        var (_, nurse) = await portal.LearnerAsync("Nia", "Hughes");
        var real = (await portal.InRequest(TestUser.Coordinator, s => s.Records.RecordExternalAsync(portal.Health, nurse, Input(course), new EvidenceFile("real.pdf", "", Pdf)))).Value;
        var disguised = (await portal.InRequest(TestUser.Coordinator, s => s.Records.RecordExternalAsync(portal.Health, nurse, Input(course), new EvidenceFile("page.pdf", "", Pdf)))).Value;
        // Uploads are checked now, so only the table can hold what an older upload let in.
        await portal.InRequest(TestUser.Coordinator, s => s.Db.Set<TrainingEvidence>().Where(e => e.TrainingRecordId == disguised)
            .ExecuteUpdateAsync(u => u.SetProperty(e => e.Content, Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>"))));

        Assert.Equal("application/pdf", (await portal.InRequest(TestUser.Coordinator, s => s.Records.EvidenceAsync(real)))!.ContentType);
        Assert.Equal("application/octet-stream", (await portal.InRequest(TestUser.Coordinator, s => s.Records.EvidenceAsync(disguised)))!.ContentType);
    }

    [Fact]
    public async Task A_lead_records_external_training_for_their_own_staff_with_evidence_and_it_waits_for_approval()
    {
        var course = await CourseAsync();
        var (_, nurse) = await portal.LearnerAsync("Nia", "Hughes");
        var lead = await portal.LeadAsync(portal.Health);
        var evidence = new EvidenceFile("Certificate.PDF", "application/octet-stream", Pdf);

        var result = await portal.InRequest(lead, s => s.Records.RecordExternalAsync(portal.Health, nurse, Input(course), evidence));

        Assert.True(result.Succeeded);
        var (access, records) = await portal.InRequest(lead, s => s.Records.ForStaffAsync(portal.Health, nurse));
        Assert.Equal(Agencies.Services.Access.Allowed, access);
        var record = Assert.Single(records);
        Assert.Equal((RecordStatus.AwaitingApproval, TrainingSource.External, "County council", true), (record.Status, record.Source, record.Provider, record.HasEvidence));
        var stored = await portal.InRequest(TestUser.Coordinator, s => s.Records.EvidenceAsync(record.Id));
        Assert.Equal("application/pdf", stored!.ContentType);
        Assert.Equal(Pdf, stored.Content);
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

    private const string ContentTypes = "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>";

    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52];

    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 0x4A, 0x46, 0x49, 0x46, 0];

    private static readonly byte[] Docx = ZipFiles.Create(("[Content_Types].xml", ContentTypes), ("_rels/.rels", "<Relationships/>"), ("word/document.xml", "<w:document/>"));

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
