using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Champions.Domain;
using TrainingPortal.Champions.Services;

namespace TrainingPortal.Champions.Areas.Champions.Pages.Guides;

/// <summary>What the new-guide and edit pages share: the input and the choices the form offers.</summary>
public abstract class GuideFormModel(AgencyDirectory directory) : PageModel
{
    [BindProperty]
    public GuideInput Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> SectorItems { get; private set; } = [];

    public IReadOnlyList<SelectListItem> FormatItems { get; private set; } = [];

    /// <summary>The parts the form offers: a guide's own once its format is fixed, all seven while it can still change.</summary>
    public IReadOnlyList<GuidePart> Parts { get; protected set; } = GuideParts.All;

    public bool CanChooseFormat { get; protected set; } = true;

    protected async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        SectorItems = (await directory.SectorsAsync(cancellationToken))
            .Select(s => new SelectListItem(s.Name, s.Id.ToString(), Input.SectorIds.Contains(s.Id))).ToList();
        FormatItems =
        [
            new("Seven-minute guide: all seven parts", nameof(GuideFormat.SevenMinute), Input.Format == GuideFormat.SevenMinute),
            new("One-minute guide: what it is, what to look for and what to do", nameof(GuideFormat.OneMinute), Input.Format == GuideFormat.OneMinute),
        ];
    }

    /// <summary>The part with this field, if the form offers it.</summary>
    public GuidePart? Part(string field) => Parts.FirstOrDefault(p => p.Field == field);

    /// <summary>The hint for a part, noting the parts a one-minute guide leaves out while the format can still be chosen.</summary>
    public string HintFor(GuidePart part) =>
        CanChooseFormat && !GuideParts.For(GuideFormat.OneMinute).Contains(part) ? $"{part.Hint}. Seven-minute guides only." : part.Hint;
}
