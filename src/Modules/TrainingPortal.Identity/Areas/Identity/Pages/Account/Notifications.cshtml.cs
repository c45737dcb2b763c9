using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using TrainingPortal.Core.Results;
using TrainingPortal.Core.Security;
using TrainingPortal.Notifications.Domain;
using TrainingPortal.Notifications.Services;

namespace TrainingPortal.Identity.Areas.Identity.Pages.Account;

/// <summary>The signed-in person chooses how often they hear from the platform about each topic that concerns them.</summary>
[Authorize]
public class NotificationsModel(NotificationPreferences preferences, ICurrentUser currentUser) : PageModel
{
    [BindProperty]
    public List<TopicAnswer> Answers { get; set; } = [];

    public IReadOnlyList<TopicPreference> Topics { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (currentUser.UserId is not { } userId)
        {
            return Challenge();
        }
        Topics = await preferences.ForUserAsync(userId, cancellationToken);
        Answers = Topics.Select(t => new TopicAnswer
        {
            Key = t.Topic.Key,
            Frequency = t.Current.ToString(),
            Ticked = t.Current == NotificationFrequency.Off ? [] : [t.Current.ToString()],
        }).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (currentUser.UserId is not { } userId)
        {
            return Challenge();
        }
        Topics = await preferences.ForUserAsync(userId, cancellationToken);
        // Answers line up with the topics as the form showed them; a topic added since then counts as unanswered.
        var posted = Answers.Select((answer, index) => (answer, index)).Where(a => a.answer.Key is not null)
            .GroupBy(a => a.answer.Key!).ToDictionary(g => g.Key, g => g.First());
        var answers = new Dictionary<string, NotificationFrequency?>();
        var fields = new Dictionary<string, string>();
        for (var i = 0; i < Topics.Count; i++)
        {
            var topic = Topics[i].Topic;
            var (answer, index) = posted.TryGetValue(topic.Key, out var found) ? found : (new TopicAnswer(), i);
            answers[topic.Key] = topic.IsOnOff
                ? answer.Ticked.Contains(topic.Choices[0].Frequency.ToString()) ? topic.Choices[0].Frequency : NotificationFrequency.Off
                : Enum.TryParse<NotificationFrequency>(answer.Frequency, out var frequency) && Enum.IsDefined(frequency) ? frequency : null;
            fields[topic.Key] = $"{nameof(Answers)}[{index}].{(topic.IsOnOff ? nameof(TopicAnswer.Ticked) : nameof(TopicAnswer.Frequency))}";
        }
        var result = await preferences.SaveAsync(userId, answers, cancellationToken);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(fields.GetValueOrDefault(error.Field, string.Empty), error.Message);
            }
            return Page();
        }
        TempData["Success"] = "Your email preferences have been saved.";
        return RedirectToPage();
    }

    /// <summary>The topic's hint, saying so when the partnership rules out the least frequent answers.</summary>
    public static string? HintFor(TopicPreference topic) =>
        topic.Topic.IsRequired && topic.Choices.Count < topic.Topic.Choices.Count && topic.Choices.Count > 0
            ? $"{topic.Topic.Hint} The partnership asks for no less than {topic.Choices[^1].Label.ToLowerInvariant()}.".TrimStart()
            : topic.Topic.Hint;

    /// <summary>The radios for a topic with a choice of how often, or the one tick box of a topic that is on or off.</summary>
    public static IEnumerable<SelectListItem> ItemsFor(TopicPreference topic) =>
        topic.Choices.Select(c => new SelectListItem(c.Label, c.Frequency.ToString(), c.Frequency == topic.Current));

    public sealed class TopicAnswer
    {
        public string? Key { get; set; }

        public string? Frequency { get; set; }

        /// <summary>For a topic that is on or off: its one choice when ticked, nothing when not.</summary>
        public List<string> Ticked { get; set; } = [];
    }
}
