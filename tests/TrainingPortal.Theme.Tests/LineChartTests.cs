using System.Text.RegularExpressions;
using TrainingPortal.Theme.Charts;

namespace TrainingPortal.Theme.Tests;

public sealed class LineChartTests
{
    [Fact]
    public async Task The_chart_is_an_image_named_by_its_caption_and_described_by_the_latest_figures()
    {
        await using var host = await ThemeHost.StartAsync();

        var html = await host.GetAsync("/chart");

        var svg = Regex.Match(html, "<svg class=\"portal-line-chart__plot\"[^>]*>").Value;
        Assert.Equal("img", Html.Attribute(svg, "role"));
        Assert.Equal("0 0 720 320", Html.Attribute(svg, "viewBox"));
        Assert.Equal("Percentage compliant", Html.TextOfId(html, Html.Attribute(svg, "aria-labelledby")!));
        Assert.Equal("Latest: Overall 75% (Today); Neglect basic training 100% (Today).", Html.TextOfId(html, Html.Attribute(svg, "aria-describedby")!));
    }

    [Fact]
    public async Task The_axis_runs_from_0_to_100_percent_and_names_the_months()
    {
        await using var host = await ThemeHost.StartAsync();

        var html = await host.GetAsync("/chart");

        var axis = Regex.Matches(html, "portal-line-chart__label--y\"[^>]*>([^<]+)<").Select(m => m.Groups[1].Value);
        Assert.Equal(["0%", "25%", "50%", "75%", "100%"], axis);
        var months = Regex.Matches(html, "portal-line-chart__label--x\"[^>]*>([^<]+)<").Select(m => m.Groups[1].Value);
        Assert.Equal(["Mar 26", "Apr 26", "May 26", "Today"], months);
    }

    [Fact]
    public async Task A_month_without_a_figure_breaks_the_line_rather_than_drawing_it_at_zero()
    {
        await using var host = await ThemeHost.StartAsync();

        var html = await host.GetAsync("/chart");

        var lines = Regex.Matches(html, "<polyline class=\"portal-line-chart__line\" points=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(3, lines.Count);
        Assert.Equal(["56,169.6", "269.3,131.2", "482.7,92.8", "696,80"], lines[0].Split(' '));
        Assert.Single(lines[1].Split(' '));
        Assert.Equal(2, lines[2].Split(' ').Length);
    }

    [Fact]
    public async Task Each_series_has_its_own_style_and_marker_so_colour_is_not_the_only_difference()
    {
        await using var host = await ThemeHost.StartAsync();

        var html = await host.GetAsync("/chart");

        Assert.Contains("portal-line-chart__series--1", html);
        Assert.Contains("portal-line-chart__series--2", html);
        Assert.Contains("<circle class=\"portal-line-chart__marker\"", html);
        Assert.Contains("<rect class=\"portal-line-chart__marker\"", html);
        Assert.Contains("<title>Overall, May 2026: 70%</title>", html);
    }

    [Fact]
    public async Task The_figures_are_in_a_table_inside_a_details_component()
    {
        await using var host = await ThemeHost.StartAsync();

        var html = await host.GetAsync("/chart");

        var details = Regex.Match(html, "<details class=\"govuk-details portal-chart__figures\">.*?</details>", RegexOptions.Singleline).Value;
        Assert.Contains("Figures for percentage compliant", details);
        Assert.Contains("<th scope=\"col\" class=\"govuk-table__header\">Month</th>", details);
        Assert.Contains("<th scope=\"row\" class=\"govuk-table__header\">April 2026</th>", details);
        var cells = Regex.Matches(details, "<td class=\"govuk-table__cell govuk-table__cell--numeric\">(.*?)</td>", RegexOptions.Singleline)
            .Select(m => Regex.Replace(Regex.Replace(m.Groups[1].Value, "<[^>]+>", ""), "\\s+", " ").Trim()).ToList();
        Assert.Equal(["40% (4 of 10)", "50%", "55% (11 of 20)", "No figures"], cells[..4]);
    }

    [Fact]
    public async Task The_chart_uses_no_inline_styles_or_scripts()
    {
        await using var host = await ThemeHost.StartAsync();

        var html = await host.GetAsync("/chart");

        var chart = Regex.Match(html, "<figure class=\"portal-line-chart\".*?</figure>", RegexOptions.Singleline).Value;
        Assert.NotEmpty(chart);
        Assert.DoesNotContain("style=", chart);
        Assert.DoesNotContain("<script", chart);
    }

    [Fact]
    public void Long_runs_label_every_few_points_and_always_the_latest()
    {
        var labels = Enumerable.Range(0, 25).Select(i => $"Month {i}").ToList();
        var chart = new LineChart("Trend", labels, []);

        var shown = Enumerable.Range(0, 25).Where(chart.ShowsAxisLabel).ToList();

        Assert.Equal([0, 3, 6, 9, 12, 15, 18, 21, 24], shown);
    }

    [Fact]
    public void A_single_point_sits_in_the_middle_of_the_plot()
    {
        var chart = new LineChart("Today", ["Today"], [new LineSeries("Overall", [60])]);

        var point = Assert.Single(chart.Points(chart.Series[0]));

        Assert.Equal(376, point.X);
        Assert.Equal("376,118.4", Assert.Single(chart.Lines(chart.Series[0])));
    }
}
