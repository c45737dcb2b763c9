using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Compliance.Domain;
using TrainingPortal.Compliance.Services;
using TrainingPortal.Theme.Charts;

namespace TrainingPortal.Compliance.Areas.Compliance.Pages.Partnership;

/// <summary>
/// The partnership heatmap for the training unit and the board: each agency's percentage compliant per requirement
/// today, grouped by sector. Figures only, never names; the training unit also gets a link to each agency's dashboard.
/// </summary>
[Authorize(Policy = Permissions.ViewPartnershipCompliance)]
public class IndexModel(ComplianceDashboard compliance, AgencyDirectory directory, AgencyScope scope, IAuthorizationService authorization) : PageModel
{
    /// <summary>Show only this sector's agencies; all when empty.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Sector { get; set; }

    public PartnershipHeatmap Heatmap { get; private set; } = null!;

    /// <summary>The agencies shown, by sector in the partnership's sector order.</summary>
    public IReadOnlyList<(string Sector, IReadOnlyList<AgencyRow> Agencies)> Groups { get; private set; } = [];

    /// <summary>Per requirement, the sum of the agencies shown.</summary>
    public IReadOnlyDictionary<Guid, StatusCounts> Totals { get; private set; } = new Dictionary<Guid, StatusCounts>();

    public StatusCounts Overall => Totals.Values.Aggregate(StatusCounts.None, (sum, c) => sum.Add(c));

    public int AgencyCount => Groups.Sum(g => g.Agencies.Count);

    /// <summary>The training unit, who may open any agency's dashboard; board members see agency names without links.</summary>
    public bool LinksAgencies { get; private set; }

    public bool CanManageRequirements { get; private set; }

    public IReadOnlyList<SelectListItem> SectorItems { get; private set; } = [];

    public StackedBarChart? Chart { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Heatmap = await compliance.PartnershipAsync(cancellationToken);
        LinksAgencies = scope.SeesAllAgencies && (await authorization.AuthorizeAsync(User, Permissions.ViewAgencyCompliance)).Succeeded;
        CanManageRequirements = (await authorization.AuthorizeAsync(User, Permissions.ManageRequirements)).Succeeded;

        var sectorOrder = (await directory.SectorsAsync(cancellationToken)).Select(s => s.Name).ToList();
        int Position(string sector) => sectorOrder.IndexOf(sector) is var i and >= 0 ? i : int.MaxValue;
        var bySector = Heatmap.Agencies
            .GroupBy(a => a.Sector)
            .OrderBy(g => Position(g.Key)).ThenBy(g => g.Key, StringComparer.OrdinalIgnoreCase)
            .ToList();
        SectorItems = bySector.Select(g => new SelectListItem(g.Key, g.Key)).ToList();
        if (!string.IsNullOrWhiteSpace(Sector) && bySector.All(g => !string.Equals(g.Key, Sector, StringComparison.OrdinalIgnoreCase)))
        {
            Sector = null;
        }
        Groups = bySector
            .Where(g => string.IsNullOrWhiteSpace(Sector) || string.Equals(g.Key, Sector, StringComparison.OrdinalIgnoreCase))
            .Select(g => (g.Key, (IReadOnlyList<AgencyRow>)g.ToList()))
            .ToList();
        Totals = Heatmap.Requirements.ToDictionary(r => r.Id,
            r => Groups.SelectMany(g => g.Agencies).Aggregate(StatusCounts.None, (sum, a) => sum.Add(a.CountsFor(r.Id))));

        if (Heatmap.Requirements.Count > 0 && AgencyCount > 0)
        {
            Chart = new StackedBarChart(
                ShownName is null ? "Staff by status, per requirement" : $"{ShownName} staff by status, per requirement",
                Dashboard.AgencyModel.StatusSeries,
                Heatmap.Requirements.Select(r => new ChartBar(r.Name, Dashboard.AgencyModel.Values(Totals[r.Id]))).ToList())
            {
                Id = "by-requirement",
                LabelHeading = "Requirement",
            };
        }
    }

    /// <summary>The sector shown, or null for the whole partnership.</summary>
    public string? ShownName => string.IsNullOrWhiteSpace(Sector) ? null : Groups.FirstOrDefault().Sector ?? Sector;

    /// <summary>"12 of 15 staff" under a cell's percentage.</summary>
    public static string CountText(StatusCounts counts, string noun) => $"{counts.Compliant:N0} of {counts.Total:N0} {noun}";
}
