using TrainingPortal.Catalogue.Services;

namespace TrainingPortal.Catalogue.Tests;

public sealed class LessonRendererTests
{
    private readonly LessonRenderer renderer = new();

    [Fact]
    public void Headings_paragraphs_and_lists_are_styled_as_GOV_UK_content()
    {
        var html = Render("""
            ## What neglect looks like

            ### In babies

            Neglect is the persistent failure to meet a child's basic needs.

            - Poor hygiene
            - Missed appointments

            1. Notice
            2. Record
            """);

        Assert.Contains("<h2 class=\"govuk-heading-m\">What neglect looks like</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<h3 class=\"govuk-heading-s\">In babies</h3>", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"govuk-body\">Neglect is the persistent failure to meet a child's basic needs.</p>", html, StringComparison.Ordinal);
        Assert.Contains("<ul class=\"govuk-list govuk-list--bullet\">", html, StringComparison.Ordinal);
        Assert.Contains("<li>Poor hygiene</li>", html, StringComparison.Ordinal);
        Assert.Contains("<ol class=\"govuk-list govuk-list--number\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Links_are_GOV_UK_links()
    {
        var html = Render("Read [Working Together](https://www.gov.uk/government/publications/working-together-to-safeguard-children--2).");

        Assert.Contains("<a class=\"govuk-link\" href=\"https://www.gov.uk/government/publications/working-together-to-safeguard-children--2\">Working Together</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_link_to_another_page_of_the_portal_stays_a_link()
    {
        var html = Render("Next, take [Advanced neglect](/courses/NEG-ADV).");

        Assert.Contains("<a class=\"govuk-link\" href=\"/courses/NEG-ADV\">Advanced neglect</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_script_tag_in_a_lesson_is_shown_as_text_not_run()
    {
        var html = Render("Before\n\n<script>alert('x')</script>\n\nAfter <img src=x onerror=alert(1)>");

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"govuk-body\">After", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[Click me](javascript:alert(1))")]
    [InlineData("[Click me](JavaScript:alert(1))")]
    [InlineData("[Click me](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    [InlineData("<javascript:alert(1)>")]
    public void A_script_link_in_a_lesson_is_not_an_active_link(string markdown)
    {
        var html = Render(markdown);

        Assert.DoesNotContain("href=\"javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"data:", html, StringComparison.OrdinalIgnoreCase);
    }

    private string Render(string markdown)
    {
        using var writer = new StringWriter();
        renderer.Render(markdown).WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return writer.ToString();
    }
}
