namespace TrainingPortal.Compliance.Domain;

/// <summary>
/// Training the partnership requires of one or more workforce groups, such as "Neglect basic training". It is met by
/// a valid record of any of its courses: the first is the one people are sent to, the others are accepted alternatives.
/// </summary>
public class Requirement
{
    public Guid Id { get; set; }

    public required string Name { get; set; }

    /// <summary>Position in dashboards, exports and the heatmap; lower first.</summary>
    public int Order { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>The courses that meet it, in <see cref="RequirementCourse.Order"/>; the first is the one to book or start.</summary>
    public List<RequirementCourse> Courses { get; set; } = [];

    /// <summary>The workforce groups that must have it.</summary>
    public List<RequirementGroup> Groups { get; set; } = [];
}

/// <summary>A course whose valid record meets a requirement. Order 0 is the main course; the rest are alternatives.</summary>
public class RequirementCourse
{
    public Guid RequirementId { get; set; }

    public Guid CourseId { get; set; }

    public int Order { get; set; }
}

/// <summary>A workforce group that must meet a requirement.</summary>
public class RequirementGroup
{
    public Guid RequirementId { get; set; }

    public int WorkforceGroupId { get; set; }
}
