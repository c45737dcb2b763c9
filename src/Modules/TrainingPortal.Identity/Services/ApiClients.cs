using System.Security.Cryptography;
using OpenIddict.Abstractions;
using TrainingPortal.Core.Results;
using TrainingPortal.Data;
using TrainingPortal.Data.Auditing;
using TrainingPortal.Identity.OpenId;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace TrainingPortal.Identity.Services;

public sealed record ApiClientSummary(string ClientId, string DisplayName);

/// <summary>
/// OAuth clients that call the API with client credentials (an agency's HR feed, a BI tool). The secret is
/// generated here, shown once and stored only as a hash.
/// </summary>
public sealed class ApiClients(IOpenIddictApplicationManager applications, AuditTrail audit, PortalDbContext db)
{
    public async Task<IReadOnlyList<ApiClientSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        var clients = new List<ApiClientSummary>();
        await foreach (var application in applications.ListAsync(count: null, offset: null, cancellationToken))
        {
            clients.Add(new ApiClientSummary(
                await applications.GetClientIdAsync(application, cancellationToken) ?? "",
                await applications.GetDisplayNameAsync(application, cancellationToken) ?? ""));
        }
        return clients.OrderBy(c => c.DisplayName).ToList();
    }

    /// <summary>Registers a client; the returned value is its secret, which cannot be shown again.</summary>
    public async Task<OperationResult<string>> RegisterAsync(string? clientId, string? displayName, CancellationToken cancellationToken = default)
    {
        clientId = clientId?.Trim().ToLowerInvariant();
        displayName = displayName?.Trim();
        var errors = new List<FieldError>();
        if (string.IsNullOrEmpty(clientId))
        {
            errors.Add(new("ClientId", "Enter a client id, like northshire-police-hr"));
        }
        else if (clientId.Length > 100 || !clientId.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            errors.Add(new("ClientId", "Client id must be 100 characters or fewer, using only letters, numbers and hyphens"));
        }
        else if (await applications.FindByClientIdAsync(clientId, cancellationToken) is not null)
        {
            errors.Add(new("ClientId", $"There is already a client called {clientId}"));
        }
        if (string.IsNullOrEmpty(displayName))
        {
            errors.Add(new("DisplayName", "Enter what the client is, like Northshire Police HR feed"));
        }
        if (errors.Count > 0)
        {
            return OperationResult<string>.Failed(errors);
        }
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        await applications.CreateAsync(new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = secret,
            DisplayName = displayName,
            ClientType = ClientTypes.Confidential,
            Permissions =
            {
                OpenIddictConstants.Permissions.Endpoints.Token,
                OpenIddictConstants.Permissions.GrantTypes.ClientCredentials,
                OpenIddictConstants.Permissions.Prefixes.Scope + OpenIdEndpoints.ApiScope,
            },
        }, cancellationToken);
        audit.Record("API client registered", "ApiClient", clientId!, displayName);
        await db.SaveChangesAsync(cancellationToken);
        return OperationResult<string>.Ok(secret);
    }

    public async Task RemoveAsync(string clientId, CancellationToken cancellationToken = default)
    {
        var application = await applications.FindByClientIdAsync(clientId, cancellationToken);
        if (application is not null)
        {
            await applications.DeleteAsync(application, cancellationToken);
            audit.Record("API client removed", "ApiClient", clientId);
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
