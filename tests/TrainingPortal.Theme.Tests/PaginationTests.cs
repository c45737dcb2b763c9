using TrainingPortal.Theme.TagHelpers;

namespace TrainingPortal.Theme.Tests;

public sealed class PaginationTests
{
    [Fact]
    public async Task Links_keep_the_search_and_change_only_the_page()
    {
        await using var host = await ThemeHost.StartAsync();

        var html = await host.GetAsync("/staff?q=smith&page=10");

        Assert.Contains("<nav class=\"govuk-pagination\" aria-label=\"Pagination\">", html);
        Assert.Contains("href=\"/staff?q=smith&amp;page=9\" rel=\"prev\"", html);
        Assert.Contains("href=\"/staff?q=smith&amp;page=11\" rel=\"next\"", html);
        Assert.Contains("<a aria-current=\"page\" aria-label=\"Page 10\" class=\"govuk-link govuk-pagination__link\" href=\"/staff?q=smith&amp;page=10\">10</a>", html);
        Assert.Contains("govuk-pagination__item--ellipsis", html);
    }

    [Fact]
    public async Task First_page_has_no_previous_link_and_last_page_no_next_link()
    {
        await using var host = await ThemeHost.StartAsync();

        var first = await host.GetAsync("/staff?page=1");
        var last = await host.GetAsync("/staff?page=40");

        Assert.DoesNotContain("rel=\"prev\"", first);
        Assert.Contains("rel=\"next\"", first);
        Assert.Contains("rel=\"prev\"", last);
        Assert.DoesNotContain("rel=\"next\"", last);
    }

    [Fact]
    public async Task One_page_needs_no_pagination()
    {
        await using var host = await ThemeHost.StartAsync();

        var html = await host.GetAsync("/staff?pages=1");

        Assert.DoesNotContain("govuk-pagination", html);
    }

    [Theory]
    [InlineData(10, 40, "1 … 9 10 11 … 40")]
    [InlineData(1, 40, "1 2 … 40")]
    [InlineData(3, 12, "1 2 3 4 … 12")]
    [InlineData(4, 7, "1 2 3 4 5 6 7")]
    [InlineData(2, 3, "1 2 3")]
    public void Shows_the_ends_and_the_neighbours_of_the_current_page(int page, int pageCount, string expected)
    {
        var numbers = GovUkPaginationTagHelper.PageNumbers(page, pageCount);

        Assert.Equal(expected, string.Join(' ', numbers.Select(number => number?.ToString() ?? "…")));
    }
}
