using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using TrainingPortal.Compliance.Domain;
using TrainingPortal.Compliance.Services;

namespace TrainingPortal.Compliance.Areas.Compliance.Pages.Dashboard;

/// <summary>The dashboard's filters as they travel in the query string, shared by the page, its export and its links.</summary>
public static class ComplianceQuery
{
    public static ComplianceFilter Read(IQueryCollection query)
    {
        return new ComplianceFilter(
            Search: Text(query["search"]),
            TeamId: Guid.TryParse(query["team"], out var team) ? team : null,
            WorkforceGroupId: int.TryParse(query["group"], out var group) ? group : null,
            RequirementId: Guid.TryParse(query["requirement"], out var requirement) ? requirement : null,
            Status: Enum.TryParse<ComplianceStatus>(query["status"], ignoreCase: true, out var status) && Enum.IsDefined(status) ? status : null);

        static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim()[..Math.Min(value.Trim().Length, 100)];
    }

    /// <summary>"?team=…&amp;status=Missing" for the filter (empty when nothing is filtered).</summary>
    public static string ToQueryString(ComplianceFilter filter, Guid? requirementId = null, ComplianceStatus? status = null)
    {
        var builder = new QueryBuilder();
        if (filter.Search is { } search) builder.Add("search", search);
        if (filter.TeamId is { } team) builder.Add("team", team.ToString());
        if (filter.WorkforceGroupId is { } group) builder.Add("group", group.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if ((requirementId ?? filter.RequirementId) is { } requirement) builder.Add("requirement", requirement.ToString());
        if ((status ?? filter.Status) is { } s) builder.Add("status", s.ToString());
        return builder.ToQueryString().Value ?? "";
    }
}
