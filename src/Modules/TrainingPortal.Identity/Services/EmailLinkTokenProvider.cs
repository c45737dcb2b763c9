using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using TrainingPortal.Identity.Domain;

namespace TrainingPortal.Identity.Services;

/// <summary>
/// Tokens for the links the portal emails (confirm your address, set or reset your password). Each is protected
/// with the shared key ring, names its account and purpose, stops working when the account's security stamp changes
/// (so a link works once) and expires <see cref="Lifetime"/> after it was made, by the portal's clock.
/// </summary>
public sealed class EmailLinkTokenProvider(IDataProtectionProvider protection, TimeProvider clock) : IUserTwoFactorTokenProvider<PortalUser>
{
    public const string ProviderName = "EmailLinks";

    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    private readonly IDataProtector protector = protection.CreateProtector("TrainingPortal.Identity.EmailLinks");

    public Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<PortalUser> manager, PortalUser user) => Task.FromResult(false);

    public async Task<string> GenerateAsync(string purpose, UserManager<PortalUser> manager, PortalUser user)
    {
        var issued = clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return protector.Protect(string.Join('\n', issued, user.Id, purpose, await StampAsync(manager, user)));
    }

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<PortalUser> manager, PortalUser user)
    {
        string payload;
        try
        {
            payload = protector.Unprotect(token);
        }
        catch (CryptographicException)
        {
            return false;
        }
        var parts = payload.Split('\n');
        if (parts.Length != 4 || !long.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds))
        {
            return false;
        }
        var issuedAt = DateTimeOffset.FromUnixTimeSeconds(seconds);
        if (clock.GetUtcNow() >= issuedAt + Lifetime || parts[1] != user.Id.ToString() || parts[2] != purpose)
        {
            return false;
        }
        var stamp = await StampAsync(manager, user);
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(parts[3]), Encoding.UTF8.GetBytes(stamp));
    }

    private static async Task<string> StampAsync(UserManager<PortalUser> manager, PortalUser user) =>
        manager.SupportsUserSecurityStamp ? await manager.GetSecurityStampAsync(user) ?? "" : "";
}
