using TrainingPortal.Core.Modules;
using TrainingPortal.Core.Security;

namespace TrainingPortal.Champions;

public sealed class Permissions : IPermissionProvider
{
    /// <summary>Nominate a member of staff as a neglect champion, see the agency's register and export it; a safeguarding lead only for their own agencies.</summary>
    public const string NominateChampions = nameof(NominateChampions);

    /// <summary>Approve or decline nominations and see every agency's register by name.</summary>
    public const string ManageChampionRegister = nameof(ManageChampionRegister);

    /// <summary>See how many champions each agency has (counts, no names).</summary>
    public const string ViewChampionFigures = nameof(ViewChampionFigures);

    /// <summary>Read published seven-minute guides in the library.</summary>
    public const string ReadGuides = nameof(ReadGuides);

    /// <summary>Write guides and submit them for review.</summary>
    public const string WriteGuides = nameof(WriteGuides);

    /// <summary>Return guides with comments, publish, retire and set review dates.</summary>
    public const string ReviewGuides = nameof(ReviewGuides);

    /// <summary>Record a team briefing and its actions; a lead for their own agencies, a champion for the agencies they champion.</summary>
    public const string LogBriefings = nameof(LogBriefings);

    /// <summary>Correct any briefing log, including after its 14 days.</summary>
    public const string CorrectAnyBriefing = nameof(CorrectAnyBriefing);

    private static readonly Permission Nominate = new(NominateChampions, "Nominate neglect champions and see the agency's register (own agency only for safeguarding leads)");
    private static readonly Permission Manage = new(ManageChampionRegister, "Approve or decline champion nominations and see every agency's register");
    private static readonly Permission Figures = new(ViewChampionFigures, "See champion figures per agency (no names)");
    private static readonly Permission Read = new(ReadGuides, "Read the seven-minute guide library");
    private static readonly Permission Write = new(WriteGuides, "Write seven-minute guides");
    private static readonly Permission Review = new(ReviewGuides, "Review and publish seven-minute guides");
    private static readonly Permission Log = new(LogBriefings, "Record team briefings");
    private static readonly Permission Correct = new(CorrectAnyBriefing, "Correct any briefing log");

    public IEnumerable<Permission> GetPermissions() => [Nominate, Manage, Figures, Read, Write, Review, Log, Correct];

    public IEnumerable<PermissionStereotype> GetDefaultStereotypes() =>
    [
        new(Roles.Practitioner, [Read]),
        new(Roles.NeglectChampion, [Read, Write, Log]),
        new(Roles.SafeguardingLead, [Read, Nominate, Log]),
        new(Roles.Trainer, [Read]),
        new(Roles.TrainingCoordinator, [Read, Nominate, Manage, Figures, Review, Log, Correct]),
        new(Roles.BoardMember, [Read, Figures]),
    ];
}
