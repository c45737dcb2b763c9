using Microsoft.AspNetCore.Identity;

namespace TrainingPortal.Identity.Domain;

/// <summary>A person who can sign in. Their learning record is a practitioner (Agencies module) linked by id.</summary>
public class PortalUser : IdentityUser<Guid>
{
    public required string FirstName { get; set; }

    public required string LastName { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? LastSignedInAt { get; set; }

    public string FullName => $"{FirstName} {LastName}";
}

public class PortalRole : IdentityRole<Guid>
{
    public PortalRole()
    {
    }

    public PortalRole(string name) : base(name)
    {
        NormalizedName = name.ToUpperInvariant();
    }
}
