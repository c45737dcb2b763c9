namespace TrainingPortal.Theme.Tests;

public sealed class LayoutTests
{
    [Fact]
    public async Task Title_names_the_page_then_the_partnership()
    {
        await using var host = await ThemeHost.StartAsync();

        var html = await host.GetAsync("/staff");

        Assert.Equal($"Staff – {ThemeHost.PartnershipName}", Html.Title(html));
    }

    [Fact]
    public async Task Title_starts_with_Error_when_the_form_has_errors()
    {
        await using var host = await ThemeHost.StartAsync();

        var html = await host.PostAsync("/form", ("Input.Email", ""));

        Assert.Equal($"Error: Book a session – {ThemeHost.PartnershipName}", Html.Title(html));
    }

    [Fact]
    public async Task Page_has_the_GOV_UK_template_skip_link_main_and_footer_without_the_crown()
    {
        await using var host = await ThemeHost.StartAsync();

        var html = await host.GetAsync("/staff");

        Assert.Contains("<html lang=\"en-GB\" class=\"govuk-template\">", html);
        Assert.Contains("<body class=\"govuk-template__body\">", html);
        Assert.Contains("js-enabled", html);
        Assert.Contains("<a href=\"#main-content\" class=\"govuk-skip-link\" data-module=\"govuk-skip-link\">Skip to main content</a>", html);
        Assert.Contains("<main class=\"govuk-main-wrapper\" id=\"main-content\">", html);
        Assert.Contains("href=\"/accessibility\"", html);
        Assert.Contains("href=\"/privacy\"", html);
        Assert.Contains($"© {ThemeHost.PartnershipName}", html);
        Assert.DoesNotContain("govuk-footer__crown", html);
        Assert.DoesNotContain("govuk-header__logotype", html);
        Assert.DoesNotContain("Crown copyright", html);
    }

    [Fact]
    public async Task Layout_uses_the_theme_stylesheet_and_initialises_GOV_UK_Frontend_as_a_module()
    {
        await using var host = await ThemeHost.StartAsync();

        var html = await host.GetAsync("/staff");

        Assert.Contains("<link rel=\"stylesheet\" href=\"/_content/TrainingPortal.Theme/css/portal.css", html);
        Assert.Contains("<script type=\"module\" src=\"/_content/TrainingPortal.Theme/js/portal.js", html);
    }

    [Fact]
    public async Task The_current_menu_item_is_marked_for_screen_readers()
    {
        await using var host = await ThemeHost.StartAsync(signedInAs: "lead@example.org");

        var html = await host.GetAsync("/staff?page=2");

        Assert.Contains("<a class=\"govuk-service-navigation__link\" href=\"/staff\" aria-current=\"page\"><strong class=\"govuk-service-navigation__active-fallback\">Staff</strong></a>", html);
        Assert.Contains("<a class=\"govuk-service-navigation__link\" href=\"/\">Home</a>", html);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "aria-current=\"page\"[^>]*><strong class=\"govuk-service-navigation"));
    }

    [Fact]
    public async Task A_signed_in_user_sees_their_name_and_signs_out_with_a_protected_post()
    {
        await using var host = await ThemeHost.StartAsync(signedInAs: "lead@example.org");

        var html = await host.GetAsync("/staff");

        Assert.Contains("Signed in as <strong>lead@example.org</strong>", html);
        var form = html[html.IndexOf("<form method=\"post\" action=\"/account/logout\"", StringComparison.Ordinal)..];
        Assert.Contains("__RequestVerificationToken", form[..form.IndexOf("</form>", StringComparison.Ordinal)]);
        Assert.DoesNotContain(">Sign in<", html);
    }

    [Fact]
    public async Task A_visitor_sees_a_sign_in_link_and_no_menu()
    {
        await using var host = await ThemeHost.StartAsync();

        var html = await host.GetAsync("/staff");

        Assert.Contains("href=\"/account/login\">Sign in</a>", html);
        Assert.DoesNotContain("govuk-service-navigation__list", html);
        Assert.DoesNotContain("Sign out", html);
    }

    [Fact]
    public async Task Back_link_and_success_message_appear_when_the_page_asks_for_them()
    {
        await using var host = await ThemeHost.StartAsync();

        var html = await host.PostAsync("/form",
            ("Input.Email", "lead@example.org"), ("Input.AgencyId", "police"), ("Input.Format", "Online"),
            ("Input.StartDate.Day", "27"), ("Input.StartDate.Month", "3"), ("Input.StartDate.Year", "2024"),
            ("Input.EndDate.Day", "1"), ("Input.EndDate.Month", "4"), ("Input.EndDate.Year", "2024"));

        Assert.Contains("<a href=\"/sessions\" class=\"govuk-back-link\">Back</a>", html);
        Assert.Contains("govuk-notification-banner--success\" role=\"alert\"", html);
        Assert.Contains("<p class=\"govuk-notification-banner__heading\">Your place is booked</p>", html);
        Assert.True(html.IndexOf("govuk-notification-banner", StringComparison.Ordinal) > html.IndexOf("id=\"main-content\"", StringComparison.Ordinal));
    }
}
