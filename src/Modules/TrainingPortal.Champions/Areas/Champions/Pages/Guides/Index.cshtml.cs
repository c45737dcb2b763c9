using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Champions.Services;
using TrainingPortal.Core.Paging;

namespace TrainingPortal.Champions.Areas.Champions.Pages.Guides;

/// <summary>The library: published guides that are not retired, newest first, searched by words, tag and sector.</summary>
[Authorize(Policy = Permissions.ReadGuides)]
public class IndexModel(GuideLibrary library, AgencyDirectory directory) : PageModel
{
    [FromQuery(Name = "q")]
    public string? Text { get; set; }

    [FromQuery(Name = "tag")]
    public string? Tag { get; set; }

    [FromQuery(Name = "sector")]
    public int? SectorId { get; set; }

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public PagedList<GuideSummary> Guides { get; private set; } = null!;

    public IReadOnlyList<SelectListItem> TagItems { get; private set; } = [];

    public IReadOnlyList<SelectListItem> SectorItems { get; private set; } = [];

    public bool IsFiltered => !string.IsNullOrWhiteSpace(Text) || !string.IsNullOrWhiteSpace(Tag) || SectorId is not null;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        TagItems = (await library.TagsAsync(cancellationToken)).Select(t => new SelectListItem(t, t, t == Tag)).ToList();
        SectorItems = (await directory.SectorsAsync(cancellationToken)).Select(s => new SelectListItem(s.Name, s.Id.ToString(), s.Id == SectorId)).ToList();
        Guides = await library.SearchAsync(Text, Tag, SectorId, PageNumber, cancellationToken);
    }
}
