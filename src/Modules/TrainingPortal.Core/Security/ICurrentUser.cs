namespace TrainingPortal.Core.Security;

/// <summary>The person making the current request (or the system, for background jobs).</summary>
public interface ICurrentUser
{
    /// <summary>The account id, or null when nobody is signed in (anonymous pages, jobs).</summary>
    Guid? UserId { get; }

    /// <summary>A display name for audit entries: the email, or "system".</summary>
    string Name { get; }

    bool IsInRole(string role);
}
