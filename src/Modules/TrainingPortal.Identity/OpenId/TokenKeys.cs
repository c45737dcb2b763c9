using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;
using TrainingPortal.Data;
using TrainingPortal.Data.Settings;

namespace TrainingPortal.Identity.OpenId;

/// <summary>
/// The RSA keys OpenIddict signs and encrypts tokens with. Created once, kept in the settings table
/// protected by the shared data-protection key ring, so every instance issues and accepts the same tokens.
/// </summary>
internal sealed class TokenKeys(IServiceScopeFactory scopes, IDataProtectionProvider dataProtection) : IConfigureOptions<OpenIddictServerOptions>
{
    private const string SigningKeySetting = "OpenId:SigningKey";
    private const string EncryptionKeySetting = "OpenId:EncryptionKey";

    public void Configure(OpenIddictServerOptions options)
    {
        var protector = dataProtection.CreateProtector("TrainingPortal.OpenId.Keys");
        options.SigningCredentials.Add(new SigningCredentials(LoadOrCreate(SigningKeySetting, protector), SecurityAlgorithms.RsaSha256));
        options.EncryptionCredentials.Add(new EncryptingCredentials(LoadOrCreate(EncryptionKeySetting, protector),
            SecurityAlgorithms.RsaOAEP, SecurityAlgorithms.Aes256CbcHmacSha512));
    }

    private RsaSecurityKey LoadOrCreate(string setting, IDataProtector protector)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var stored = db.Set<PortalSetting>().Find(setting);
        var rsa = RSA.Create();
        if (stored is null)
        {
            rsa.KeySize = 2048;
            db.Set<PortalSetting>().Add(new PortalSetting
            {
                Key = setting,
                Value = protector.Protect(rsa.ExportRSAPrivateKeyPem()),
                UpdatedAt = DateTime.UtcNow,
            });
            try
            {
                db.SaveChanges();
            }
            catch (Microsoft.EntityFrameworkCore.DbUpdateException)
            {
                // Another instance created it first: use theirs.
                db.ChangeTracker.Clear();
                rsa.ImportFromPem(protector.Unprotect(db.Set<PortalSetting>().Find(setting)!.Value));
            }
        }
        else
        {
            rsa.ImportFromPem(protector.Unprotect(stored.Value));
        }
        return new RsaSecurityKey(rsa) { KeyId = setting };
    }
}
