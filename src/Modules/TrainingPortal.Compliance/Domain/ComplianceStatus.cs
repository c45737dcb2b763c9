namespace TrainingPortal.Compliance.Domain;

/// <summary>Where one person stands against one requirement. Ordered from best to worst, so "at least this bad" is a comparison.</summary>
public enum ComplianceStatus
{
    /// <summary>A valid record that does not expire within the due-soon window.</summary>
    Met,
    /// <summary>Still valid, but expires within the due-soon window.</summary>
    DueSoon,
    /// <summary>The best record has expired.</summary>
    Expired,
    /// <summary>No approved record of any course that meets it.</summary>
    Missing,
}

/// <summary>The status rules, in one place. The database queries in <see cref="Services.ComplianceCalculator"/> apply the same rules in SQL.</summary>
public static class ComplianceRules
{
    /// <summary>Stands for "does not expire" when comparing expiry dates, so the best record is simply the latest expiry.</summary>
    public static readonly DateOnly NeverExpires = new(9999, 12, 31);

    /// <summary>
    /// The status from the latest expiry among the person's approved records of the requirement's courses
    /// (<see cref="NeverExpires"/> for one that does not expire; null when there is none). A record is valid up to the
    /// day before it expires; it is due soon when it expires within <paramref name="dueSoonDays"/> days of today.
    /// </summary>
    public static ComplianceStatus StatusOn(DateOnly today, int dueSoonDays, DateOnly? latestExpiry) =>
        latestExpiry is not { } expiry ? ComplianceStatus.Missing
        : expiry <= today ? ComplianceStatus.Expired
        : expiry <= today.AddDays(dueSoonDays) ? ComplianceStatus.DueSoon
        : ComplianceStatus.Met;

    /// <summary>Met and due soon both hold a valid record: the person counts as compliant.</summary>
    public static bool IsCompliant(ComplianceStatus status) => status <= ComplianceStatus.DueSoon;

    public static string Text(ComplianceStatus status) => status switch
    {
        ComplianceStatus.Met => "Met",
        ComplianceStatus.DueSoon => "Due soon",
        ComplianceStatus.Expired => "Expired",
        _ => "Missing",
    };

    /// <summary>GOV.UK tag colours: green, yellow, red, grey.</summary>
    public static string TagClass(ComplianceStatus status) => status switch
    {
        ComplianceStatus.Met => "govuk-tag govuk-tag--green",
        ComplianceStatus.DueSoon => "govuk-tag govuk-tag--yellow",
        ComplianceStatus.Expired => "govuk-tag govuk-tag--red",
        _ => "govuk-tag govuk-tag--grey",
    };
}
