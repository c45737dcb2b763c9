namespace TrainingPortal.Agencies.Domain;

/// <summary>A kind of partner organisation (Health, Education, Police…). The list is set by the partnership recipe.</summary>
public class Sector
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public int Order { get; set; }
}

/// <summary>A partner organisation whose staff train here.</summary>
public class Agency
{
    public Guid Id { get; set; }

    public required string Name { get; set; }

    public int SectorId { get; set; }

    public Sector? Sector { get; set; }

    public bool IsActive { get; set; } = true;

    public DateTime CreatedAt { get; set; }

    public List<Team> Teams { get; set; } = [];
}

public class Team
{
    public Guid Id { get; set; }

    public Guid AgencyId { get; set; }

    public required string Name { get; set; }
}

/// <summary>An account that is a safeguarding lead for an agency: it sees and manages that agency's staff.</summary>
public class AgencyLead
{
    public Guid AgencyId { get; set; }

    public Guid UserId { get; set; }

    public DateTime Since { get; set; }
}

/// <summary>A training-needs group: which training a role needs. The partnership configures them.</summary>
public class WorkforceGroup
{
    public int Id { get; set; }

    /// <summary>Short stable code used by imports and recipes ("G2").</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    public string? Description { get; set; }

    public int Order { get; set; }
}
