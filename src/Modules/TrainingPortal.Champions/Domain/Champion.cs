namespace TrainingPortal.Champions.Domain;

/// <summary>Where one spell on the champion register stands.</summary>
public enum SpellStatus
{
    /// <summary>Put forward by the agency's safeguarding lead; waiting for the training unit.</summary>
    Nominated,
    /// <summary>The training unit said no, with a reason. Never counted as a champion.</summary>
    Declined,
    Active,
    /// <summary>Ended because the person left the agency (on their leaving date).</summary>
    Lapsed,
    /// <summary>Ended by the person, their lead or the training unit.</summary>
    SteppedDown,
}

/// <summary>
/// A practitioner's entry on the champion register for one agency. Someone who is a champion in two agencies has an
/// entry in each. The entry's history is its spells; the latest spell says where it stands now.
/// </summary>
public class Champion
{
    public Guid Id { get; set; }

    public Guid PractitionerId { get; set; }

    public Guid AgencyId { get; set; }

    /// <summary>What the champion leads on (for example "Neglect in adolescence", "Early years").</summary>
    public required string AreaOfInterest { get; set; }

    public DateTime CreatedAt { get; set; }

    public List<ChampionSpell> Spells { get; set; } = [];
}

/// <summary>One period as a champion, from nomination through approval to its end.</summary>
public class ChampionSpell
{
    public Guid Id { get; set; }

    public Guid ChampionId { get; set; }

    public SpellStatus Status { get; set; }

    /// <summary>The day the person starts (or started) as a champion.</summary>
    public DateOnly StartDate { get; set; }

    /// <summary>The first day they are no longer a champion; null while the spell runs.</summary>
    public DateOnly? EndDate { get; set; }

    public Guid? NominatedByUserId { get; set; }

    public DateTime NominatedAt { get; set; }

    public Guid? DecidedByUserId { get; set; }

    public DateTime? DecidedAt { get; set; }

    /// <summary>Why the training unit declined, or why the spell ended.</summary>
    public string? Reason { get; set; }

    /// <summary>True while the spell holds or waits for a decision: a champion has at most one such spell per agency.</summary>
    public bool IsOpen => Status is SpellStatus.Nominated or SpellStatus.Active;

    /// <summary>True when the person was an approved champion on <paramref name="day"/>.</summary>
    public bool ActiveOn(DateOnly day) =>
        (Status is SpellStatus.Active or SpellStatus.Lapsed or SpellStatus.SteppedDown) && StartDate <= day && (EndDate is null || EndDate > day);
}
