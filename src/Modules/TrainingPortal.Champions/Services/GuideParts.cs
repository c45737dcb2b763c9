using TrainingPortal.Champions.Domain;

namespace TrainingPortal.Champions.Services;

/// <summary>What a champion types for a guide. Tags are typed separated by commas.</summary>
public sealed class GuideInput
{
    public GuideFormat Format { get; set; }
    public string? Title { get; set; }
    public string? WhatItIs { get; set; }
    public string? WhyItMatters { get; set; }
    public string? WhatResearchSays { get; set; }
    public string? WhatToLookFor { get; set; }
    public string? WhatToDo { get; set; }
    public string? QuestionsForReflection { get; set; }
    public string? FurtherReading { get; set; }
    public string? Tags { get; set; }
    public List<int> SectorIds { get; set; } = [];
}

/// <summary>One of a guide's parts: the input field it is typed in, its heading, and where a version keeps it.</summary>
public sealed record GuidePart(
    string Field, string Heading, string Hint, Func<GuideVersion, string?> Read, Action<GuideVersion, string?> Write, Func<GuideInput, string?> Typed, Action<GuideInput, string?> Fill);

/// <summary>
/// The seven parts of a seven-minute guide, in reading order. A one-minute guide has three of them: what it is, what to
/// look for and what to do, the least a team needs to recognise neglect and act on it.
/// </summary>
public static class GuideParts
{
    /// <summary>About 600 words: a part is read aloud in about a minute.</summary>
    public const int MaxPartLength = 4000;

    public const int MaxTitleLength = 200;

    public const int MaxTags = 10;

    public const int MaxTagLength = 50;

    public static readonly IReadOnlyList<GuidePart> All =
    [
        new(nameof(GuideInput.WhatItIs), "What it is", "The background: what this is about and who it affects", v => v.WhatItIs, (v, t) => v.WhatItIs = t, i => i.WhatItIs, (i, t) => i.WhatItIs = t),
        new(nameof(GuideInput.WhyItMatters), "Why it matters", "What happens to children when it is missed", v => v.WhyItMatters, (v, t) => v.WhyItMatters = t, i => i.WhyItMatters, (i, t) => i.WhyItMatters = t),
        new(nameof(GuideInput.WhatResearchSays), "What research says", "What we know from research, audits and case reviews", v => v.WhatResearchSays, (v, t) => v.WhatResearchSays = t, i => i.WhatResearchSays, (i, t) => i.WhatResearchSays = t),
        new(nameof(GuideInput.WhatToLookFor), "What to look for", "The signs a practitioner might see or hear", v => v.WhatToLookFor, (v, t) => v.WhatToLookFor = t, i => i.WhatToLookFor, (i, t) => i.WhatToLookFor = t),
        new(nameof(GuideInput.WhatToDo), "What to do", "The steps to take, and who to tell", v => v.WhatToDo, (v, t) => v.WhatToDo = t, i => i.WhatToDo, (i, t) => i.WhatToDo = t),
        new(nameof(GuideInput.QuestionsForReflection), "Questions for reflection", "Questions for the team to discuss", v => v.QuestionsForReflection, (v, t) => v.QuestionsForReflection = t, i => i.QuestionsForReflection, (i, t) => i.QuestionsForReflection = t),
        new(nameof(GuideInput.FurtherReading), "Further reading", "Links and documents to read next", v => v.FurtherReading, (v, t) => v.FurtherReading = t, i => i.FurtherReading, (i, t) => i.FurtherReading = t),
    ];

    private static readonly string[] OneMinuteFields = [nameof(GuideInput.WhatItIs), nameof(GuideInput.WhatToLookFor), nameof(GuideInput.WhatToDo)];

    /// <summary>The parts a guide of this format has.</summary>
    public static IReadOnlyList<GuidePart> For(GuideFormat format) =>
        format == GuideFormat.OneMinute ? All.Where(p => OneMinuteFields.Contains(p.Field)).ToList() : All;

    /// <summary>The course code a guide is published as: 7MG-001, or 1MG-001 for a one-minute guide.</summary>
    public static string CourseCode(GuideFormat format, int number) => $"{(format == GuideFormat.OneMinute ? "1MG" : "7MG")}-{number:000}";

    public static string FormatName(GuideFormat format) => format == GuideFormat.OneMinute ? "One-minute guide" : "Seven-minute guide";

    /// <summary>Tags as typed ("Dental neglect, home conditions") made lower-case, trimmed and distinct.</summary>
    public static IReadOnlyList<string> ParseTags(string? typed) =>
        (typed ?? "").Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => t.ToLowerInvariant()).Distinct().ToList();
}
