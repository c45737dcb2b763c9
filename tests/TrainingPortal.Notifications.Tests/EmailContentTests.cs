using TrainingPortal.Notifications.Services;

namespace TrainingPortal.Notifications.Tests;

public class EmailContentTests
{
    private const string Partnership = "Northshire Safeguarding Children Partnership";

    [Fact]
    public void Text_a_person_typed_is_shown_as_text_in_the_html_body_not_run_as_markup()
    {
        var content = new EmailContent("Booking <b>confirmed</b>", "Dear <script>alert('x')</script>,", ["Course: Neglect & you <img src=x onerror=alert(1)>"]);

        var (html, text) = content.Render(Partnership);

        Assert.DoesNotContain("<script>", html);
        Assert.DoesNotContain("<img", html);
        Assert.DoesNotContain("<b>", html);
        Assert.Contains("Dear &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;,", html);
        Assert.Contains("Course: Neglect &amp; you &lt;img src=x onerror=alert(1)&gt;", html);
        Assert.Contains("Dear <script>alert('x')</script>,", text);
    }

    [Fact]
    public void The_action_link_is_in_both_bodies()
    {
        var content = new EmailContent("Reset your password", "Dear Sam,", ["Someone asked to reset your password."])
        {
            ActionText = "Reset your password",
            ActionUrl = "https://training.northshire.example/account/reset-password?userId=7&code=abc",
        };

        var (html, text) = content.Render(Partnership);

        Assert.Contains("<a href=\"https://training.northshire.example/account/reset-password?userId=7&amp;code=abc\"", html);
        Assert.Contains(">Reset your password</a>", html);
        Assert.Contains("Reset your password: https://training.northshire.example/account/reset-password?userId=7&code=abc", text);
    }

    [Fact]
    public void A_link_without_words_shows_its_address()
    {
        var content = new EmailContent("Your course", "Dear Sam,", []) { ActionUrl = "https://training.northshire.example/courses/3" };

        var (html, text) = content.Render(Partnership);

        Assert.Contains(">https://training.northshire.example/courses/3</a>", html);
        Assert.Contains("\nhttps://training.northshire.example/courses/3\n", text);
    }

    [Fact]
    public void Without_an_action_there_is_no_link()
    {
        var (html, _) = new EmailContent("Booking confirmed", "Dear Sam,", ["See you there."]).Render(Partnership);

        Assert.DoesNotContain("<a ", html);
    }

    [Fact]
    public void The_partnership_name_signs_off_both_bodies_and_heads_the_html_one()
    {
        var (html, text) = new EmailContent("Booking confirmed", "Dear Sam,", ["See you there."]).Render("Hill & Dale Partnership");

        Assert.Equal(2, Occurrences(html, "Hill &amp; Dale Partnership"));
        Assert.EndsWith("Hill & Dale Partnership\n", text);
    }

    [Fact]
    public void Greeting_paragraphs_and_footnotes_appear_in_order_in_both_bodies()
    {
        var content = new EmailContent("Reset your password", "Dear Sam,", ["First paragraph.", "Second paragraph."])
        {
            ActionUrl = "https://training.northshire.example/x",
            Footnotes = ["If you did not ask for this, ignore this email."],
        };

        var (html, text) = content.Render(Partnership);

        AssertInOrder(html, "Dear Sam,", "First paragraph.", "Second paragraph.", "https://training.northshire.example/x", "If you did not ask for this, ignore this email.", Partnership);
        AssertInOrder(text, "Dear Sam,", "First paragraph.", "Second paragraph.", "https://training.northshire.example/x", "If you did not ask for this, ignore this email.", Partnership);
    }

    [Fact]
    public void The_html_body_is_a_whole_english_page_titled_with_the_subject()
    {
        var (html, _) = new EmailContent("Booking confirmed", "Dear Sam,", []).Render(Partnership);

        Assert.StartsWith("<!DOCTYPE html><html lang=\"en-GB\">", html);
        Assert.Contains("<title>Booking confirmed</title>", html);
    }

    private static int Occurrences(string text, string value) => (text.Length - text.Replace(value, "").Length) / value.Length;

    private static void AssertInOrder(string body, params string[] parts)
    {
        var position = 0;
        foreach (var part in parts)
        {
            var found = body.IndexOf(part, position, StringComparison.Ordinal);
            Assert.True(found >= 0, $"'{part}' was not found after position {position} in: {body}");
            position = found + part.Length;
        }
    }
}
