using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Catalogue.Domain;
using TrainingPortal.Catalogue.Services;

namespace TrainingPortal.Catalogue.Areas.Catalogue.Pages.Courses;

[Authorize(Policy = Permissions.Learn)]
public class IndexModel(CourseCatalogue catalogue, AgencyDirectory agencies, WorkforceGroups groups) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public CourseLevel? Level { get; set; }

    [BindProperty(SupportsGet = true)]
    public DeliveryMode? Mode { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Sector { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Group { get; set; }

    public IReadOnlyList<CourseCard> Courses { get; private set; } = [];

    public IReadOnlyList<LookupItem<int>> Sectors { get; private set; } = [];

    public IReadOnlyList<LookupItem<int>> Groups { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Courses = await catalogue.SearchAsync(new CatalogueFilter(Q, Level, Mode, Sector, Group), cancellationToken);
        Sectors = await agencies.SectorsAsync(cancellationToken);
        Groups = await groups.LookupAsync(cancellationToken);
    }
}
