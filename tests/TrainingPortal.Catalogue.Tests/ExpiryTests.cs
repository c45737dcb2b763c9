using System.Globalization;
using TrainingPortal.Catalogue.Domain;

namespace TrainingPortal.Catalogue.Tests;

public sealed class ExpiryTests
{
    [Theory]
    [InlineData("2026-03-15", 12, "2027-03-15")]
    [InlineData("2026-01-31", 1, "2026-02-28")]
    [InlineData("2028-01-31", 1, "2028-02-29")]
    [InlineData("2028-02-29", 12, "2029-02-28")]
    [InlineData("2027-02-28", 12, "2028-02-28")]
    [InlineData("2026-06-01", 36, "2029-06-01")]
    public void A_completion_expires_its_validity_in_months_after_the_completion_date(string completed, int months, string expires)
    {
        var version = Version(months);

        Assert.Equal(DateOnly.Parse(expires, CultureInfo.InvariantCulture), version.ExpiryFor(DateOnly.Parse(completed, CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void A_course_without_a_validity_period_never_expires()
    {
        Assert.Null(Version(null).ExpiryFor(new DateOnly(2026, 6, 1)));
    }

    [Fact]
    public void A_record_is_valid_until_the_day_before_it_expires_and_not_on_the_day()
    {
        var record = Record(expiresOn: new DateOnly(2027, 6, 1));

        Assert.True(record.IsValidOn(new DateOnly(2027, 5, 31)));
        Assert.False(record.IsValidOn(new DateOnly(2027, 6, 1)));
        Assert.False(record.IsValidOn(new DateOnly(2027, 6, 2)));
    }

    [Fact]
    public void A_record_that_does_not_expire_is_valid_years_later()
    {
        Assert.True(Record(expiresOn: null).IsValidOn(new DateOnly(2046, 1, 1)));
    }

    [Theory]
    [InlineData(RecordStatus.AwaitingApproval)]
    [InlineData(RecordStatus.Rejected)]
    public void An_unapproved_record_is_never_valid(RecordStatus status)
    {
        var record = Record(expiresOn: null);
        record.Status = status;

        Assert.False(record.IsValidOn(new DateOnly(2026, 6, 1)));
    }

    private static CourseVersion Version(int? months) =>
        new() { Title = "Neglect basic awareness", Summary = "", LearningOutcomes = "", ValidityMonths = months };

    private static TrainingRecord Record(DateOnly? expiresOn) =>
        new() { CertificateNumber = "2345-6789-ABCD-EFGH", CompletedOn = new DateOnly(2026, 6, 1), ExpiresOn = expiresOn, Status = RecordStatus.Approved };
}
