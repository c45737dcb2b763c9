namespace TrainingPortal.Theme.Tests;

public sealed class FormTagHelperTests
{
    private static readonly (string, string)[] ValidAnswers =
    [
        ("Input.Email", "lead@example.org"), ("Input.AgencyId", "police"), ("Input.Format", "Online"),
        ("Input.StartDate.Day", "27"), ("Input.StartDate.Month", "3"), ("Input.StartDate.Year", "2024"),
        ("Input.EndDate.Day", "1"), ("Input.EndDate.Month", "4"), ("Input.EndDate.Year", "2024"),
    ];

    [Fact]
    public async Task A_new_form_has_no_error_summary_and_no_error_styles()
    {
        await using var host = await ThemeHost.StartAsync();

        var html = await host.GetAsync("/form");

        Assert.DoesNotContain("govuk-error-summary", html);
        Assert.DoesNotContain("--error", html);
        Assert.DoesNotContain("Error:", Html.Title(html));
    }

    [Fact]
    public async Task Controls_get_the_ids_and_names_ASP_NET_Core_generates()
    {
        await using var host = await ThemeHost.StartAsync();

        var html = await host.GetAsync("/form");

        Assert.Equal("Input.Email", Html.Attribute(Html.TagWithId(html, "Input_Email"), "name"));
        Assert.Equal("Input.Notes", Html.Attribute(Html.TagWithId(html, "Input_Notes"), "name"));
        Assert.Equal("Input.AgencyId", Html.Attribute(Html.TagWithId(html, "Input_AgencyId"), "name"));
        Assert.Equal("Input.Roles", Html.Attribute(Html.TagWithId(html, "Input_Roles-2"), "name"));
        Assert.Equal("Input.StartDate.Month", Html.Attribute(Html.TagWithId(html, "Input_StartDate_Month"), "name"));
        Assert.Contains("<label class=\"govuk-label\" for=\"Input_Email\">Email address</label>", html);
    }

    [Fact]
    public async Task A_field_in_error_shows_the_message_and_the_error_styles()
    {
        await using var host = await ThemeHost.StartAsync();

        var html = await host.PostAsync("/form", ("Input.Email", "not an email"));

        Assert.Contains("govuk-form-group--error", Html.Classes(Html.FormGroupOf(html, "Input_Email")));
        Assert.Contains("govuk-input--error", Html.Classes(Html.TagWithId(html, "Input_Email")));
        Assert.Contains(
            "<p class=\"govuk-error-message\" id=\"Input_Email-error\"><span class=\"govuk-visually-hidden\">Error:</span> Enter an email address in the correct format, like name@example.com</p>",
            html);
        Assert.Contains("govuk-select--error", Html.Classes(Html.TagWithId(html, "Input_AgencyId")));
        Assert.DoesNotContain("govuk-form-group--error", Html.Classes(Html.FormGroupOf(html, "Input_Notes")));
    }

    [Fact]
    public async Task Hint_and_error_message_describe_the_control()
    {
        await using var host = await ThemeHost.StartAsync();

        var html = await host.PostAsync("/form", ("Input.Email", ""));

        var input = Html.TagWithId(html, "Input_Email");
        Assert.Equal("Input_Email-hint Input_Email-error", Html.Attribute(input, "aria-describedby"));
        Assert.True(Html.HasId(html, "Input_Email-hint"));
        Assert.True(Html.HasId(html, "Input_Email-error"));

        var radiosFieldset = html[html.IndexOf("<fieldset aria-describedby=\"Input_Format-error\"", StringComparison.Ordinal)..];
        Assert.StartsWith("<fieldset aria-describedby=\"Input_Format-error\" class=\"govuk-fieldset\">", radiosFieldset);
    }

    [Fact]
    public async Task Every_error_summary_link_lands_on_a_field_on_the_page()
    {
        await using var host = await ThemeHost.StartAsync();

        var html = await host.PostAsync("/form", ("Input.Email", "nope"), ("Input.EndDate.Day", "31"), ("Input.EndDate.Month", "2"), ("Input.EndDate.Year", "2024"));

        var links = Html.ErrorSummaryLinks(html);
        Assert.NotEmpty(links);
        Assert.All(links, link => Assert.True(Html.HasId(html, link.Href.TrimStart('#')), $"{link.Href} is not on the page"));
        Assert.Contains(("#Input_Email", "Enter an email address in the correct format, like name@example.com"), links);
        Assert.Contains(("#Input_Format", "Choose how you would like to attend"), links);
    }

    [Fact]
    public async Task Error_summary_lists_errors_in_the_order_of_the_questions()
    {
        await using var host = await ThemeHost.StartAsync();

        var html = await host.PostAsync("/form", ("Input.EndDate.Day", "31"), ("Input.EndDate.Month", "2"), ("Input.EndDate.Year", "2024"));

        Assert.Equal(
            ["#Input_Email", "#Input_AgencyId", "#Input_Format", "#Input_StartDate_Day", "#Input_EndDate_Day"],
            Html.ErrorSummaryLinks(html).Select(link => link.Href));
        Assert.Contains("data-module=\"govuk-error-summary\"><div role=\"alert\"><h2 class=\"govuk-error-summary__title\">There is a problem</h2>", html);
    }

    [Fact]
    public async Task An_error_about_the_whole_form_is_listed_without_a_link()
    {
        await using var host = await ThemeHost.StartAsync();

        var html = await host.PostAsync("/form?handler=Full", ValidAnswers);

        Assert.Contains("<ul class=\"govuk-list govuk-error-summary__list\"><li>The session is full</li></ul>", html);
        Assert.DoesNotContain("govuk-form-group--error", html);
    }

    [Fact]
    public async Task Typed_answers_are_shown_again_after_an_error_but_never_the_password()
    {
        await using var host = await ThemeHost.StartAsync();

        var html = await host.PostAsync("/form",
            ("Input.Email", "nope"), ("Input.Password", "correct horse"), ("Input.Notes", "Step-free access"),
            ("Input.AgencyId", "nhs"), ("Input.IsFrontline", "true"), ("Input.IsFrontline", "false"),
            ("Input.Roles", "Trainer"), ("Input.Roles", "Lead"), ("Input.Format", "Online"));

        Assert.Equal("nope", Html.Attribute(Html.TagWithId(html, "Input_Email"), "value"));
        Assert.Null(Html.Attribute(Html.TagWithId(html, "Input_Password"), "value"));
        Assert.DoesNotContain("correct horse", html);
        Assert.Contains("Step-free access</textarea>", html);
        Assert.Contains("<option selected=\"selected\" value=\"nhs\">Northshire NHS Trust</option>", html);
        Assert.NotNull(Html.Attribute(Html.TagWithId(html, "Input_IsFrontline"), "checked"));
        Assert.Null(Html.Attribute(Html.TagWithId(html, "Input_Roles"), "checked"));
        Assert.NotNull(Html.Attribute(Html.TagWithId(html, "Input_Roles-2"), "checked"));
        Assert.NotNull(Html.Attribute(Html.TagWithId(html, "Input_Roles-3"), "checked"));
        Assert.NotNull(Html.Attribute(Html.TagWithId(html, "Input_Format-2"), "checked"));
    }

    [Fact]
    public async Task Single_checkbox_posts_false_when_unticked_like_ASP_NET_Core_does()
    {
        await using var host = await ThemeHost.StartAsync();

        var html = await host.GetAsync("/form");

        Assert.Equal("true", Html.Attribute(Html.TagWithId(html, "Input_IsFrontline"), "value"));
        Assert.Contains("<input name=\"Input.IsFrontline\" type=\"hidden\" value=\"false\">", html);
        Assert.Equal("Input_IsFrontline-item-hint", Html.Attribute(Html.TagWithId(html, "Input_IsFrontline"), "aria-describedby"));
    }

    [Fact]
    public async Task Unknown_attributes_are_copied_onto_the_control()
    {
        await using var host = await ThemeHost.StartAsync();

        var html = await host.GetAsync("/form");

        var email = Html.TagWithId(html, "Input_Email");
        Assert.Equal("email", Html.Attribute(email, "type"));
        Assert.Equal("email", Html.Attribute(email, "autocomplete"));
        Assert.Equal("false", Html.Attribute(email, "spellcheck"));
        Assert.Contains("govuk-input--width-20", Html.Classes(email));
        Assert.Equal("500", Html.Attribute(Html.TagWithId(html, "Input_Notes"), "maxlength"));
        Assert.Equal("3", Html.Attribute(Html.TagWithId(html, "Input_Notes"), "rows"));
    }

    [Fact]
    public async Task A_valid_form_binds_and_shows_no_errors()
    {
        await using var host = await ThemeHost.StartAsync();

        var html = await host.PostAsync("/form", ValidAnswers);

        Assert.DoesNotContain("govuk-error-summary", html);
        Assert.Equal("2024-03-27 to 2024-04-01", Html.TextOfId(html, "bound"));
    }
}
