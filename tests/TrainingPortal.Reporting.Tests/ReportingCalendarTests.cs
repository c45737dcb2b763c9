using TrainingPortal.Reporting.Domain;

namespace TrainingPortal.Reporting.Tests;

public class ReportingCalendarTests
{
    private static readonly ReportingCalendar Calendar = ReportingCalendar.FinancialHalfYears;

    [Theory]
    [InlineData("2026-04-01", "2026-04-01", "2026-09-30")]
    [InlineData("2026-09-30", "2026-04-01", "2026-09-30")]
    [InlineData("2026-10-01", "2026-10-01", "2027-03-31")]
    [InlineData("2027-01-15", "2026-10-01", "2027-03-31")]
    [InlineData("2027-03-31", "2026-10-01", "2027-03-31")]
    public void Days_fall_in_the_financial_half_year_that_contains_them(string day, string start, string end)
    {
        var period = Calendar.Containing(DateOnly.Parse(day));

        Assert.Equal(new ReportingPeriod(DateOnly.Parse(start), DateOnly.Parse(end)), period);
    }

    [Fact]
    public void The_last_ended_period_on_the_first_day_of_a_period_is_the_one_before()
    {
        Assert.Equal(new ReportingPeriod(new(2026, 4, 1), new(2026, 9, 30)), Calendar.LastEnded(new DateOnly(2026, 10, 1)));
        Assert.Equal(new ReportingPeriod(new(2025, 10, 1), new(2026, 3, 31)), Calendar.LastEnded(new DateOnly(2026, 9, 30)));
    }

    [Fact]
    public void Four_periods_ending_with_one_go_back_two_years_oldest_first()
    {
        var periods = Calendar.EndingWith(Calendar.Containing(new DateOnly(2026, 5, 1)), 4);

        Assert.Equal(["2024-10-01", "2025-04-01", "2025-10-01", "2026-04-01"], periods.Select(p => p.Key).ToArray());
        Assert.Equal(new DateOnly(2026, 9, 30), periods[^1].End);
    }

    [Fact]
    public void Periods_are_named_for_people_and_charts()
    {
        Assert.Equal("April to September 2026", Calendar.Containing(new DateOnly(2026, 6, 1)).Name);
        Assert.Equal("October 2026 to March 2027", Calendar.Containing(new DateOnly(2026, 12, 1)).Name);
        Assert.Equal("Apr–Sep 2026", Calendar.Containing(new DateOnly(2026, 6, 1)).ShortName);
    }

    [Fact]
    public void A_partnership_can_report_on_calendar_half_years()
    {
        var calendar = ReportingCalendar.Parse("1, 7");

        Assert.Equal(new ReportingPeriod(new(2026, 7, 1), new(2026, 12, 31)), calendar.Containing(new DateOnly(2026, 11, 5)));
        Assert.Equal(new ReportingPeriod(new(2027, 1, 1), new(2027, 6, 30)), calendar.Next(calendar.Containing(new DateOnly(2026, 11, 5))));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("4")]
    [InlineData("4,4")]
    [InlineData("0,13")]
    [InlineData("April,October")]
    public void A_setting_that_cannot_be_read_falls_back_to_financial_half_years(string? setting) =>
        Assert.Equal([4, 10], ReportingCalendar.Parse(setting).StartMonths);
}
