using System.Globalization;

namespace TrainingPortal.Core.Tests;

public class UkTimeTests
{
    [Fact]
    public void A_summer_time_is_shown_an_hour_ahead_of_UTC()
    {
        Assert.Equal("1 July 2026, 1:00pm", UkTime.Format(Utc(2026, 7, 1, 12, 0)));
    }

    [Fact]
    public void A_winter_time_is_shown_as_it_is_stored()
    {
        Assert.Equal("15 January 2026, 12:00pm", UkTime.Format(Utc(2026, 1, 15, 12, 0)));
    }

    [Fact]
    public void Minutes_are_two_digits_and_morning_times_say_am()
    {
        Assert.Equal("3 March 2026, 9:05am", UkTime.Format(Utc(2026, 3, 3, 9, 5)));
    }

    [Fact]
    public void Clocks_go_forward_at_1am_UTC_on_the_last_Sunday_of_March()
    {
        Assert.Equal("29 March 2026, 12:59am", UkTime.Format(Utc(2026, 3, 29, 0, 59)));
        Assert.Equal("29 March 2026, 2:00am", UkTime.Format(Utc(2026, 3, 29, 1, 0)));
    }

    [Fact]
    public void Clocks_go_back_at_1am_UTC_on_the_last_Sunday_of_October()
    {
        Assert.Equal("25 October 2026, 1:59am", UkTime.Format(Utc(2026, 10, 25, 0, 59)));
        Assert.Equal("25 October 2026, 1:00am", UkTime.Format(Utc(2026, 10, 25, 1, 0)));
    }

    [Fact]
    public void A_late_evening_summer_time_is_shown_on_the_next_day()
    {
        Assert.Equal("1 August 2026, 12:30am", UkTime.Format(Utc(2026, 7, 31, 23, 30)));
    }

    [Fact]
    public void A_time_read_back_without_its_kind_is_treated_as_UTC()
    {
        Assert.Equal("1 July 2026, 1:00pm", UkTime.Format(new DateTime(2026, 7, 1, 12, 0, 0, DateTimeKind.Unspecified)));
    }

    [Fact]
    public void Dates_are_in_English_whatever_the_server_locale()
    {
        var before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("fr-FR");
            Assert.Equal("1 July 2026, 1:00pm", UkTime.Format(Utc(2026, 7, 1, 12, 0)));
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    private static DateTime Utc(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, DateTimeKind.Utc);
}
