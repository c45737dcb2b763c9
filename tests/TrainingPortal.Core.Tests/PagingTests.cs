using TrainingPortal.Core.Paging;
using TrainingPortal.Data;
using TrainingPortal.Data.Settings;

namespace TrainingPortal.Core.Tests;

public sealed class PagingTests : IDisposable
{
    private readonly ModuleDatabase database = new();

    public void Dispose() => database.Dispose();

    [Fact]
    public async Task A_middle_page_shows_its_slice_and_says_which_items_of_how_many()
    {
        await AddSettingsAsync(53);

        var page = await PageAsync(page: 2, pageSize: 25);

        Assert.Equal(Keys(26, 50), page.Items);
        Assert.Equal((2, 3, 53), (page.Page, page.PageCount, page.TotalCount));
        Assert.Equal((26, 50), (page.FirstItem, page.LastItem));
        Assert.True(page.HasPrevious);
        Assert.True(page.HasNext);
    }

    [Fact]
    public async Task The_last_page_holds_the_remainder_and_has_no_next_page()
    {
        await AddSettingsAsync(53);

        var page = await PageAsync(page: 3, pageSize: 25);

        Assert.Equal(Keys(51, 53), page.Items);
        Assert.Equal((51, 53), (page.FirstItem, page.LastItem));
        Assert.False(page.HasNext);
        Assert.True(page.HasPrevious);
    }

    [Fact]
    public async Task A_page_number_past_the_end_shows_the_last_page()
    {
        await AddSettingsAsync(53);

        var page = await PageAsync(page: 99, pageSize: 25);

        Assert.Equal(3, page.Page);
        Assert.Equal(Keys(51, 53), page.Items);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-4)]
    public async Task A_page_number_below_one_shows_the_first_page(int requested)
    {
        await AddSettingsAsync(30);

        var page = await PageAsync(page: requested, pageSize: 25);

        Assert.Equal(1, page.Page);
        Assert.Equal(Keys(1, 25), page.Items);
        Assert.False(page.HasPrevious);
    }

    [Fact]
    public async Task A_page_size_above_the_maximum_is_cut_to_the_maximum()
    {
        await AddSettingsAsync(PagingExtensions.MaxPageSize + 5);

        var page = await PageAsync(page: 1, pageSize: 10_000);

        Assert.Equal(PagingExtensions.MaxPageSize, page.PageSize);
        Assert.Equal(PagingExtensions.MaxPageSize, page.Items.Count);
        Assert.Equal(2, page.PageCount);
    }

    [Fact]
    public async Task A_page_size_of_zero_shows_one_item_per_page()
    {
        await AddSettingsAsync(3);

        var page = await PageAsync(page: 2, pageSize: 0);

        Assert.Equal(Keys(2, 2), page.Items);
        Assert.Equal(3, page.PageCount);
    }

    [Fact]
    public async Task An_empty_list_is_one_empty_page_showing_nothing_of_nothing()
    {
        var page = await PageAsync(page: 3, pageSize: 25);

        Assert.Empty(page.Items);
        Assert.Equal((1, 1, 0), (page.Page, page.PageCount, page.TotalCount));
        Assert.Equal((0, 0), (page.FirstItem, page.LastItem));
        Assert.False(page.HasPrevious);
        Assert.False(page.HasNext);
    }

    [Fact]
    public async Task A_list_that_exactly_fills_its_pages_has_no_extra_empty_page()
    {
        await AddSettingsAsync(50);

        var page = await PageAsync(page: 2, pageSize: 25);

        Assert.Equal(2, page.PageCount);
        Assert.False(page.HasNext);
        Assert.Equal((26, 50), (page.FirstItem, page.LastItem));
    }

    private static string Key(int number) => $"Test:Setting{number:D3}";

    private static IEnumerable<string> Keys(int first, int last) => Enumerable.Range(first, last - first + 1).Select(Key);

    private async Task AddSettingsAsync(int count)
    {
        await using var db = database.CreateContext();
        var settings = new PortalSettings(db, new TestClock());
        for (var number = 1; number <= count; number++)
        {
            await settings.SetAsync(Key(number), number.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        await db.SaveChangesAsync();
    }

    private async Task<PagedList<string>> PageAsync(int page, int pageSize)
    {
        await using var db = database.CreateContext();
        return await db.Set<PortalSetting>().OrderBy(s => s.Key).Select(s => s.Key).ToPagedListAsync(page, pageSize);
    }
}
