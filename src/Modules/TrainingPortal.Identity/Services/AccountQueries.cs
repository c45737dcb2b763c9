using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TrainingPortal.Data;
using TrainingPortal.Identity.Domain;

namespace TrainingPortal.Identity.Services;

/// <summary>
/// An account as other modules may read it: who it is and where to write to, nothing about signing in. Built in the
/// database with an object initialiser, so queries can still filter, join and sort on it.
/// </summary>
public sealed record AccountContact
{
    public Guid Id { get; init; }

    public string? Email { get; init; }

    /// <summary>The address as Identity looks it up (upper case), to match an address to an account on its index.</summary>
    public string? NormalizedEmail { get; init; }

    public required string FirstName { get; init; }

    public required string LastName { get; init; }
}

/// <summary>Queries other modules use to read accounts, for joining in the database. They read without tracking.</summary>
public static class AccountQueries
{
    /// <summary>Every account's name and email address.</summary>
    public static IQueryable<AccountContact> Accounts(this PortalDbContext db) =>
        db.Set<PortalUser>().AsNoTracking()
            .Select(u => new AccountContact { Id = u.Id, Email = u.Email, NormalizedEmail = u.NormalizedEmail, FirstName = u.FirstName, LastName = u.LastName });

    /// <summary>The ids of the accounts that hold a role (a name from <see cref="Core.Security.Roles"/>).</summary>
    public static IQueryable<Guid> AccountIdsInRole(this PortalDbContext db, string role) =>
        from ur in db.Set<IdentityUserRole<Guid>>().AsNoTracking()
        join r in db.Set<PortalRole>() on ur.RoleId equals r.Id
        where r.Name == role
        select ur.UserId;
}
