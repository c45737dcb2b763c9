using TrainingPortal.Theme.ModelBinding;

namespace TrainingPortal.Theme.Tests;

public sealed class DateInputTests
{
    private static (string, string)[] WithDates(string startDay, string startMonth, string startYear, string endDay = "1", string endMonth = "4", string endYear = "2024") =>
    [
        ("Input.Email", "lead@example.org"), ("Input.AgencyId", "police"), ("Input.Format", "Online"),
        ("Input.StartDate.Day", startDay), ("Input.StartDate.Month", startMonth), ("Input.StartDate.Year", startYear),
        ("Input.EndDate.Day", endDay), ("Input.EndDate.Month", endMonth), ("Input.EndDate.Year", endYear),
    ];

    [Fact]
    public async Task Day_month_and_year_boxes_bind_to_a_date()
    {
        await using var host = await ThemeHost.StartAsync();

        var html = await host.PostAsync("/form", WithDates("27", "Mar", "2024", " 01 ", "04", "2024"));

        Assert.DoesNotContain("govuk-error-summary", html);
        Assert.Equal("2024-03-27 to 2024-04-01", Html.TextOfId(html, "bound"));
    }

    [Fact]
    public async Task A_missing_month_is_named_and_only_the_month_box_is_highlighted()
    {
        await using var host = await ThemeHost.StartAsync();

        var html = await host.PostAsync("/form", WithDates("27", "", "2024"));

        Assert.Contains(("#Input_StartDate_Month", "Start date must include a month"), Html.ErrorSummaryLinks(html));
        Assert.Contains("govuk-form-group--error", Html.Classes(Html.FormGroupOf(html, "Input_StartDate")));
        Assert.DoesNotContain("govuk-input--error", Html.Classes(Html.TagWithId(html, "Input_StartDate_Day")));
        Assert.Contains("govuk-input--error", Html.Classes(Html.TagWithId(html, "Input_StartDate_Month")));
        Assert.DoesNotContain("govuk-input--error", Html.Classes(Html.TagWithId(html, "Input_StartDate_Year")));
        // What was typed stays in the boxes.
        Assert.Equal("27", Html.Attribute(Html.TagWithId(html, "Input_StartDate_Day"), "value"));
        Assert.Equal("2024", Html.Attribute(Html.TagWithId(html, "Input_StartDate_Year"), "value"));
    }

    [Fact]
    public async Task An_impossible_date_must_be_a_real_date_and_all_three_boxes_are_highlighted()
    {
        await using var host = await ThemeHost.StartAsync();

        var html = await host.PostAsync("/form", WithDates("31", "2", "2024"));

        Assert.Contains(("#Input_StartDate_Day", "Start date must be a real date"), Html.ErrorSummaryLinks(html));
        Assert.All(["Input_StartDate_Day", "Input_StartDate_Month", "Input_StartDate_Year"],
            id => Assert.Contains("govuk-input--error", Html.Classes(Html.TagWithId(html, id))));
        Assert.Equal("31", Html.Attribute(Html.TagWithId(html, "Input_StartDate_Day"), "value"));
        Assert.Equal("Input_StartDate-hint Input_StartDate-error",
            Html.Attribute(html[html.IndexOf("<fieldset aria-describedby=\"Input_StartDate-hint", StringComparison.Ordinal)..], "aria-describedby"));
    }

    [Fact]
    public async Task An_empty_optional_date_is_null_and_Required_gives_its_own_message()
    {
        await using var host = await ThemeHost.StartAsync();

        var html = await host.PostAsync("/form", WithDates("", "", ""));

        Assert.Equal([("#Input_StartDate_Day", "Enter the start date")], Html.ErrorSummaryLinks(html));
        Assert.All(["Input_StartDate_Day", "Input_StartDate_Month", "Input_StartDate_Year"],
            id => Assert.Contains("govuk-input--error", Html.Classes(Html.TagWithId(html, id))));
    }

    [Fact]
    public async Task An_empty_date_that_cannot_be_null_asks_for_the_date()
    {
        await using var host = await ThemeHost.StartAsync();

        var html = await host.PostAsync("/form", WithDates("27", "3", "2024", "", "", ""));

        Assert.Equal([("#Input_EndDate_Day", "Enter end date")], Html.ErrorSummaryLinks(html));
    }

    [Fact]
    public async Task An_unset_date_shows_empty_boxes_rather_than_1_1_1()
    {
        await using var host = await ThemeHost.StartAsync();

        var html = await host.GetAsync("/form");

        Assert.Null(Html.Attribute(Html.TagWithId(html, "Input_EndDate_Year"), "value"));
    }

    [Fact]
    public async Task A_date_in_the_query_string_still_binds_the_usual_way()
    {
        await using var host = await ThemeHost.StartAsync();

        var html = await host.GetAsync("/staff?from=2024-03-27");

        Assert.Equal("2024-03-27", Html.TextOfId(html, "from"));
    }

    [Theory]
    [InlineData("", "3", "2024", "Start date must include a day", DatePart.Day)]
    [InlineData("27", "", "", "Start date must include a month and year", DatePart.Month | DatePart.Year)]
    [InlineData("", "", "", "Enter start date", DatePart.All)]
    [InlineData("27", "13", "2024", "Start date must be a real date", DatePart.Month)]
    [InlineData("x", "13", "2024", "Start date must be a real date", DatePart.All)]
    [InlineData("29", "2", "2023", "Start date must be a real date", DatePart.All)]
    [InlineData("27", "3", "24", "Year must include 4 numbers", DatePart.Year)]
    public void Wrong_dates_get_the_GOV_UK_message_and_highlighting(string day, string month, string year, string message, DatePart highlighted)
    {
        var value = DateInputValue.Parse(day, month, year);

        Assert.Null(value.Date);
        Assert.Equal(message, value.ErrorMessage("Start date"));
        Assert.Equal(highlighted, value.InvalidParts);
    }

    [Theory]
    [InlineData("29", "2", "2024")]
    [InlineData("01", "march", "2024")]
    [InlineData(" 1 ", " 3 ", " 2024 ")]
    public void Real_dates_parse_however_they_are_typed(string day, string month, string year)
    {
        var value = DateInputValue.Parse(day, month, year);

        Assert.NotNull(value.Date);
        Assert.Null(value.ErrorMessage("Start date"));
    }
}
