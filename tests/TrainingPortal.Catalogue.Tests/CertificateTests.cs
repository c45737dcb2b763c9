using System.Text.RegularExpressions;
using TrainingPortal.Catalogue.Services;

namespace TrainingPortal.Catalogue.Tests;

public sealed class CertificateNumberTests
{
    [Fact]
    public void A_certificate_number_is_16_unambiguous_characters_in_four_groups_and_never_repeats()
    {
        var numbers = Enumerable.Range(0, 1000).Select(_ => CertificateNumbers.New()).ToList();

        Assert.All(numbers, n => Assert.Matches(new Regex("^[2-9A-HJKMNP-TV-Z]{4}(-[2-9A-HJKMNP-TV-Z]{4}){3}$"), n));
        Assert.Equal(1000, numbers.Distinct().Count());
    }

    [Theory]
    [InlineData("7kqm-2xrd-h9tb-4wnc")]
    [InlineData("7KQM 2XRD H9TB 4WNC")]
    [InlineData("7KQM2XRDH9TB4WNC")]
    [InlineData("  7kqm2xrd-H9TB 4wnc ")]
    public void What_a_person_types_is_read_as_the_printed_number(string typed)
    {
        Assert.Equal("7KQM-2XRD-H9TB-4WNC", CertificateNumbers.Normalise(typed));
    }

    [Theory]
    [InlineData("7KQM-2XRD-H9TB-4WN")]
    [InlineData("7KQM-2XRD-H9TB-4WNCX")]
    [InlineData("7KQM-2XRD-H9TB-4WNO")]
    [InlineData("7KQM-2XRD-H9TB-4WN0")]
    [InlineData("7KQM-2XRD-H9TB-4WNI")]
    [InlineData("7KQM-2XRD-H9TB-4WN1")]
    [InlineData("")]
    [InlineData(null)]
    public void A_number_of_the_wrong_length_or_with_look_alike_characters_is_not_a_certificate_number(string? typed)
    {
        Assert.Null(CertificateNumbers.Normalise(typed));
    }
}

public sealed class CertificateTests : IDisposable
{
    /// <summary>Somebody checking a certificate on the public page, not signed in.</summary>
    private static readonly TestUser Anonymous = new(null, "");

    private readonly CataloguePortal portal = new();

    public void Dispose() => portal.Dispose();

    [Fact]
    public async Task Anyone_with_the_number_can_verify_an_approved_certificate_typed_loosely()
    {
        var (course, _) = await CourseAsync(validityMonths: 12);
        var (_, nurse) = await portal.LearnerAsync("Nia", "Hughes");
        var record = await portal.CompletedAsync(nurse, course, portal.Today.AddMonths(-2));
        var check = await portal.InRequest(Anonymous, s => s.Certificates.VerifyAsync(record.CertificateNumber.Replace("-", " ").ToLowerInvariant()));

        Assert.Equal(
            (record.CertificateNumber, "Nia Hughes", "Neglect basic awareness", new DateOnly(2026, 4, 1), (DateOnly?)new DateOnly(2027, 4, 1), true),
            (check!.Number, check.PractitionerName, check.CourseTitle, check.CompletedOn, check.ExpiresOn, check.IsValid));
    }

    [Fact]
    public async Task An_expired_certificate_verifies_as_not_valid()
    {
        var (course, _) = await CourseAsync(validityMonths: 12);
        var (_, nurse) = await portal.LearnerAsync("Nia", "Hughes");
        var record = await portal.CompletedAsync(nurse, course, portal.Today.AddMonths(-12));

        var check = await portal.InRequest(Anonymous, s => s.Certificates.VerifyAsync(record.CertificateNumber));

        Assert.Equal((portal.Today, false), (check!.ExpiresOn!.Value, check.IsValid));
    }

    [Fact]
    public async Task External_training_awaiting_approval_has_no_certificate_to_verify_or_show()
    {
        var (course, _) = await CourseAsync(validityMonths: 12);
        var (nia, nurse) = await portal.LearnerAsync("Nia", "Hughes");
        var input = new ExternalTrainingInput { CourseId = course, CompletedOn = portal.Today.AddDays(-3), Provider = "County council", Reason = "Equivalent course" };
        var id = (await portal.InRequest(TestUser.Coordinator, s => s.Records.RecordExternalAsync(portal.Health, nurse, input, null))).Value;
        var number = Assert.Single(await portal.InRequest(nia, s => s.Records.ForPractitionerAsync(nurse)), r => r.Id == id).CertificateNumber;

        Assert.Null(await portal.InRequest(Anonymous, s => s.Certificates.VerifyAsync(number)));
        Assert.Null(await portal.InRequest(nia, s => s.Certificates.GetAsync(number)));
        Assert.Null(await portal.InRequest(TestUser.Coordinator, s => s.Certificates.GetAsync(number)));
    }

    [Fact]
    public async Task An_unknown_or_malformed_number_is_not_found()
    {
        Assert.Null(await portal.InRequest(Anonymous, s => s.Certificates.VerifyAsync("2345-6789-ABCD-EFGH")));
        Assert.Null(await portal.InRequest(Anonymous, s => s.Certificates.VerifyAsync("not a number")));
    }

    [Fact]
    public async Task A_certificate_is_shown_to_its_owner_and_the_training_unit_but_not_to_another_practitioner()
    {
        var (course, _) = await CourseAsync(validityMonths: 36);
        var (nia, nurse) = await portal.LearnerAsync("Nia", "Hughes");
        var (tom, _) = await portal.LearnerAsync("Tom", "Reed");
        var record = await portal.CompletedAsync(nurse, course, portal.Today);

        var owner = await portal.InRequest(nia, s => s.Certificates.GetAsync(record.CertificateNumber));
        var coordinator = await portal.InRequest(TestUser.Coordinator, s => s.Certificates.GetAsync(record.CertificateNumber));
        var colleague = await portal.InRequest(tom, s => s.Certificates.GetAsync(record.CertificateNumber));

        Assert.Equal(("Nia Hughes", "Neglect basic awareness", "NEG-BASIC", 1, true), (owner!.PractitionerName, owner.CourseTitle, owner.CourseCode, owner.CourseVersion, owner.IsValid));
        Assert.Equal(record.CertificateNumber, coordinator!.Number);
        Assert.Null(colleague);
    }

    [Fact]
    public async Task A_certificate_is_shown_to_the_lead_of_the_persons_agency_but_not_to_another_agencys_lead()
    {
        var (course, _) = await CourseAsync(validityMonths: null);
        var (_, nurse) = await portal.LearnerAsync("Nia", "Hughes");
        var record = await portal.CompletedAsync(nurse, course, portal.Today);
        var healthLead = await portal.LeadAsync(portal.Health);
        var policeLead = await portal.LeadAsync(portal.Police);

        var own = await portal.InRequest(healthLead, s => s.Certificates.GetAsync(record.CertificateNumber));
        var other = await portal.InRequest(policeLead, s => s.Certificates.GetAsync(record.CertificateNumber));

        Assert.Equal((null, true), (own!.ExpiresOn, own.IsValid));
        Assert.Null(other);
    }

    [Fact]
    public async Task A_certificate_shows_the_partnership_and_the_course_version_it_was_earned_on()
    {
        var (course, _) = await CourseAsync(validityMonths: 36);
        var (nia, nurse) = await portal.LearnerAsync("Nia", "Hughes");
        var record = await portal.CompletedAsync(nurse, course, portal.Today);
        var changed = CataloguePortal.Course("NEG-BASIC", "Recognising and responding to neglect");
        await portal.InRequest(TestUser.Coordinator, s => s.Editor.UpdateAsync(course, changed));

        var certificate = await portal.InRequest(nia, s => s.Certificates.GetAsync(record.CertificateNumber));
        var html = CertificateDocument.Render(certificate!, "https://training.example/certificates/verify", null, null);

        Assert.Equal(("Neglect basic awareness", 1), (certificate!.CourseTitle, certificate.CourseVersion));
        Assert.Contains("Safeguarding Children Partnership", html, StringComparison.Ordinal);
        Assert.Contains("Neglect basic awareness", html, StringComparison.Ordinal);
        Assert.Contains(record.CertificateNumber, html, StringComparison.Ordinal);
        Assert.Contains($"{portal.Today.AddMonths(36):d MMMM yyyy}", html, StringComparison.Ordinal);
    }

    private async Task<(Guid Course, string Code)> CourseAsync(int? validityMonths)
    {
        var input = CataloguePortal.Course("NEG-BASIC", "Neglect basic awareness", Domain.DeliveryMode.FaceToFace);
        input.ValidityMonths = validityMonths;
        return (await portal.CourseAsync(input), "NEG-BASIC");
    }
}
