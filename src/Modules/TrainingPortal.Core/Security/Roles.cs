namespace TrainingPortal.Core.Security;

/// <summary>The roles of docs/domain.md. Names are stored in the database: do not rename.</summary>
public static class Roles
{
    public const string Practitioner = "Practitioner";
    public const string NeglectChampion = "NeglectChampion";
    public const string SafeguardingLead = "SafeguardingLead";
    public const string Trainer = "Trainer";
    public const string TrainingCoordinator = "TrainingCoordinator";
    public const string BoardMember = "BoardMember";
    public const string Administrator = "Administrator";

    public static readonly IReadOnlyList<string> All =
        [Practitioner, NeglectChampion, SafeguardingLead, Trainer, TrainingCoordinator, BoardMember, Administrator];

    /// <summary>Words a person would read, for role pickers and lists.</summary>
    public static string DisplayName(string role) => role switch
    {
        NeglectChampion => "Neglect champion",
        SafeguardingLead => "Safeguarding lead",
        TrainingCoordinator => "Training coordinator",
        BoardMember => "Partnership board member",
        _ => role,
    };
}
