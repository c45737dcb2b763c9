using System.Globalization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.AspNetCore.WebUtilities;

namespace TrainingPortal.Theme.TagHelpers;

/// <summary>
/// The GOV.UK pagination component: <c>&lt;govuk-pagination page="Model.Staff.Page" page-count="Model.Staff.PageCount" /&gt;</c>.
/// Links keep the current path and query string (search terms, filters) and change only the page parameter.
/// Renders nothing when everything fits on one page.
/// </summary>
[HtmlTargetElement("govuk-pagination", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovUkPaginationTagHelper : TagHelper
{
    private const string PreviousArrow =
        "<svg class=\"govuk-pagination__icon govuk-pagination__icon--prev\" xmlns=\"http://www.w3.org/2000/svg\" height=\"13\" width=\"15\" aria-hidden=\"true\" focusable=\"false\" viewBox=\"0 0 15 13\">"
        + "<path d=\"m6.5938-0.0078125-6.7266 6.7266 6.7441 6.4062 1.377-1.449-4.1856-3.9768h12.896v-2h-12.984l4.2931-4.293-1.414-1.414z\"></path></svg>";

    private const string NextArrow =
        "<svg class=\"govuk-pagination__icon govuk-pagination__icon--next\" xmlns=\"http://www.w3.org/2000/svg\" height=\"13\" width=\"15\" aria-hidden=\"true\" focusable=\"false\" viewBox=\"0 0 15 13\">"
        + "<path d=\"m8.107-0.0078125-1.4136 1.414 4.2926 4.293h-12.986v2h12.896l-4.1855 3.9766 1.377 1.4492 6.7441-6.4062-6.7246-6.7266z\"></path></svg>";

    /// <summary>The current page, from 1.</summary>
    public int Page { get; set; }

    public int PageCount { get; set; }

    /// <summary>The query string parameter that carries the page number.</summary>
    public string PageParameter { get; set; } = "page";

    /// <summary>Names the navigation landmark; change it when a page has two lists.</summary>
    public string Label { get; set; } = "Pagination";

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);

        if (PageCount <= 1)
        {
            output.SuppressOutput();
            return;
        }

        var page = Math.Clamp(Page, 1, PageCount);
        var request = ViewContext.HttpContext.Request;
        var content = new HtmlContentBuilder();

        if (page > 1)
        {
            content.AppendHtml(PreviousOrNext("prev", Href(request, page - 1), "Previous", PreviousArrow, arrowFirst: true));
        }

        var list = GovUkMarkup.Element("ul", "govuk-pagination__list");
        foreach (var number in PageNumbers(page, PageCount))
        {
            var item = GovUkMarkup.Element("li", "govuk-pagination__item");
            if (number is null)
            {
                item.AddCssClass("govuk-pagination__item--ellipsis");
                item.InnerHtml.AppendHtml("&ctdot;");
            }
            else
            {
                var text = number.Value.ToString(CultureInfo.InvariantCulture);
                var link = GovUkMarkup.Element("a", "govuk-link govuk-pagination__link");
                link.Attributes["href"] = Href(request, number.Value);
                link.Attributes["aria-label"] = "Page " + text;
                if (number == page)
                {
                    item.AddCssClass("govuk-pagination__item--current");
                    link.Attributes["aria-current"] = "page";
                }

                link.InnerHtml.Append(text);
                item.InnerHtml.AppendHtml(link);
            }

            list.InnerHtml.AppendHtml(item);
        }

        content.AppendHtml(list);

        if (page < PageCount)
        {
            content.AppendHtml(PreviousOrNext("next", Href(request, page + 1), "Next", NextArrow, arrowFirst: false));
        }

        output.TagName = "nav";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", GovUkMarkup.Classes("govuk-pagination", output.Attributes["class"]?.Value?.ToString()));
        output.Attributes.SetAttribute("aria-label", Label);
        output.Content.SetHtmlContent(content);
    }

    /// <summary>
    /// The page numbers to show, null standing for an ellipsis: always the first and last pages and the pages
    /// either side of the current one, as in "1 … 8 9 10 … 40". A gap of a single page shows that page instead.
    /// </summary>
    internal static IReadOnlyList<int?> PageNumbers(int page, int pageCount)
    {
        var shown = new SortedSet<int> { 1, pageCount };
        for (var number = page - 1; number <= page + 1; number++)
        {
            if (number >= 1 && number <= pageCount)
            {
                shown.Add(number);
            }
        }

        var numbers = new List<int?>();
        var previous = 0;
        foreach (var number in shown)
        {
            if (number - previous == 2)
            {
                numbers.Add(number - 1);
            }
            else if (number - previous > 2)
            {
                numbers.Add(null);
            }

            numbers.Add(number);
            previous = number;
        }

        return numbers;
    }

    private string Href(HttpRequest request, int page)
    {
        var query = QueryHelpers.ParseQuery(request.QueryString.Value);
        var builder = new QueryBuilder();
        foreach (var (name, values) in query)
        {
            if (!string.Equals(name, PageParameter, StringComparison.OrdinalIgnoreCase))
            {
                builder.Add(name, values.Where(value => value is not null).Select(value => value!));
            }
        }

        builder.Add(PageParameter, page.ToString(CultureInfo.InvariantCulture));
        return request.PathBase + request.Path + builder.ToQueryString();
    }

    private static TagBuilder PreviousOrNext(string direction, string href, string text, string arrow, bool arrowFirst)
    {
        var title = GovUkMarkup.Element("span", "govuk-pagination__link-title");
        title.InnerHtml.Append(text);
        var hidden = GovUkMarkup.Element("span", "govuk-visually-hidden");
        hidden.InnerHtml.Append(" page");
        title.InnerHtml.AppendHtml(hidden);

        var link = GovUkMarkup.Element("a", "govuk-link govuk-pagination__link");
        link.Attributes["href"] = href;
        link.Attributes["rel"] = direction;
        if (arrowFirst)
        {
            link.InnerHtml.AppendHtml(arrow).AppendHtml(title);
        }
        else
        {
            link.InnerHtml.AppendHtml(title).AppendHtml(arrow);
        }

        var wrapper = GovUkMarkup.Element("div", $"govuk-pagination__{direction}");
        wrapper.InnerHtml.AppendHtml(link);
        return wrapper;
    }
}
