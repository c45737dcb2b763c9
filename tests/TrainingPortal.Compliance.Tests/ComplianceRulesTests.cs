using TrainingPortal.Compliance.Domain;

namespace TrainingPortal.Compliance.Tests;

public class ComplianceRulesTests
{
    private static readonly DateOnly Today = new(2026, 6, 1);

    [Fact]
    public void No_record_is_missing() =>
        Assert.Equal(ComplianceStatus.Missing, ComplianceRules.StatusOn(Today, 60, null));

    [Fact]
    public void A_record_that_expires_today_has_expired() =>
        Assert.Equal(ComplianceStatus.Expired, ComplianceRules.StatusOn(Today, 60, Today));

    [Fact]
    public void A_record_that_expires_tomorrow_is_due_soon() =>
        Assert.Equal(ComplianceStatus.DueSoon, ComplianceRules.StatusOn(Today, 60, Today.AddDays(1)));

    [Fact]
    public void The_last_day_of_the_window_is_due_soon_and_the_day_after_is_met()
    {
        Assert.Equal(ComplianceStatus.DueSoon, ComplianceRules.StatusOn(Today, 60, Today.AddDays(60)));
        Assert.Equal(ComplianceStatus.Met, ComplianceRules.StatusOn(Today, 60, Today.AddDays(61)));
    }

    [Fact]
    public void A_record_that_never_expires_is_met() =>
        Assert.Equal(ComplianceStatus.Met, ComplianceRules.StatusOn(Today, 365, ComplianceRules.NeverExpires));

    [Fact]
    public void With_no_window_nothing_is_due_soon() =>
        Assert.Equal(ComplianceStatus.Met, ComplianceRules.StatusOn(Today, 0, Today.AddDays(1)));

    [Theory]
    [InlineData(ComplianceStatus.Met, true)]
    [InlineData(ComplianceStatus.DueSoon, true)]
    [InlineData(ComplianceStatus.Expired, false)]
    [InlineData(ComplianceStatus.Missing, false)]
    public void Met_and_due_soon_count_as_compliant(ComplianceStatus status, bool compliant) =>
        Assert.Equal(compliant, ComplianceRules.IsCompliant(status));
}
