using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using TrainingPortal.Agencies.Domain;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Core;
using TrainingPortal.Data;
using TrainingPortal.Identity.Api;

namespace TrainingPortal.Agencies.Api;

/// <summary>Agencies for BI tools and HR feeds: names, sectors and head counts, no named people.</summary>
internal static class AgencyEndpoints
{
    public sealed record AgencyResource(Guid Id, string Name, string Sector, bool IsActive, int CurrentStaff);

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/agencies").RequireAuthorization(ApiAccess.Policy).WithTags("Agencies");
        group.MapGet("/", ListAsync);
        group.MapGet("/{id:guid}", GetAsync);
    }

    private static async Task<IResult> ListAsync(HttpContext context, AgencyDirectory directory, PortalDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (context.User.IsClient())
        {
            return Results.Ok(await AllAsync(db, UkTime.Today(clock), null, cancellationToken));
        }
        var visible = await directory.ListAsync(cancellationToken);
        return Results.Ok(visible.Select(a => new AgencyResource(a.Id, a.Name, a.Sector, a.IsActive, a.CurrentStaff)));
    }

    private static async Task<IResult> GetAsync(Guid id, HttpContext context, AgencyScope scope, PortalDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!context.User.IsClient() && !await scope.CanManageAsync(id, cancellationToken))
        {
            return await db.Set<Agency>().AnyAsync(a => a.Id == id, cancellationToken)
                ? Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "You cannot see this agency.")
                : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "There is no agency with that id.");
        }
        var agency = (await AllAsync(db, UkTime.Today(clock), id, cancellationToken)).SingleOrDefault();
        return agency is null
            ? Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "There is no agency with that id.")
            : Results.Ok(agency);
    }

    private static async Task<List<AgencyResource>> AllAsync(PortalDbContext db, DateOnly today, Guid? id, CancellationToken cancellationToken)
    {
        var current = db.CurrentMemberships(today);
        var agencies = db.Set<Agency>().AsNoTracking();
        if (id is not null)
        {
            agencies = agencies.Where(a => a.Id == id);
        }
        return await agencies.OrderBy(a => a.Name)
            .Select(a => new AgencyResource(a.Id, a.Name, a.Sector!.Name, a.IsActive,
                current.Count(m => m.AgencyId == a.Id)))
            .ToListAsync(cancellationToken);
    }
}
