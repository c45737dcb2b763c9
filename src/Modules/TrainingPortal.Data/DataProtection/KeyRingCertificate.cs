using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using TrainingPortal.Core.Modules;

namespace TrainingPortal.Data.DataProtection;

/// <summary>
/// The certificate that encrypts the shared data-protection key ring (sign-in cookies, reset links, form tokens) at
/// rest in the database: a PFX file (<c>DataProtection:Certificate:Path</c> and <c>:Password</c>) or a certificate in
/// the personal store of the current user or the machine (<c>DataProtection:Certificate:Thumbprint</c>).
/// </summary>
public static class KeyRingCertificate
{
    public const string PathKey = "DataProtection:Certificate:Path";
    public const string PasswordKey = "DataProtection:Certificate:Password";
    public const string ThumbprintKey = "DataProtection:Certificate:Thumbprint";

    /// <summary>
    /// The configured certificate, or null when none is configured. Throws <see cref="InvalidOperationException"/>,
    /// naming the setting, when one is configured but cannot be read or has no private key, so the site does not start
    /// with keys it could write but never read back.
    /// </summary>
    public static X509Certificate2? FromConfiguration(IConfiguration configuration)
    {
        var path = configuration[PathKey];
        var thumbprint = configuration[ThumbprintKey];
        if (!string.IsNullOrWhiteSpace(path))
        {
            return WithPrivateKey(LoadFile(path, configuration[PasswordKey]), $"{PathKey} ({path})");
        }
        return string.IsNullOrWhiteSpace(thumbprint) ? null : WithPrivateKey(LoadFromStore(thumbprint), $"{ThumbprintKey} ({thumbprint})");
    }

    /// <summary>Whether start-up should warn that the key ring is kept unencrypted: on PostgreSQL (a shared server, with backups) without a certificate.</summary>
    public static bool ShouldWarnUnprotected(DatabaseProvider provider, bool hasCertificate) =>
        provider == DatabaseProvider.PostgreSql && !hasCertificate;

    private static X509Certificate2 LoadFile(string path, string? password)
    {
        try
        {
            return X509CertificateLoader.LoadPkcs12FromFile(path, password);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CryptographicException)
        {
            throw new InvalidOperationException(
                $"{PathKey}: cannot read the certificate '{path}' ({ex.Message}). Give a PFX file this process can read, with its password in {PasswordKey}.", ex);
        }
    }

    private static X509Certificate2 LoadFromStore(string thumbprint)
    {
        var wanted = thumbprint.Replace(" ", string.Empty, StringComparison.Ordinal);
        foreach (var location in new[] { StoreLocation.CurrentUser, StoreLocation.LocalMachine })
        {
            using var store = new X509Store(StoreName.My, location);
            try
            {
                store.Open(OpenFlags.ReadOnly | OpenFlags.OpenExistingOnly);
            }
            catch (CryptographicException)
            {
                // A store that does not exist (LocalMachine\My on Linux) simply holds nothing.
                continue;
            }
            var found = store.Certificates.Find(X509FindType.FindByThumbprint, wanted, validOnly: false);
            if (found.Count > 0)
            {
                return found[0];
            }
        }
        throw new InvalidOperationException($"{ThumbprintKey}: no certificate with thumbprint {wanted} in the personal store of the current user or the machine.");
    }

    private static X509Certificate2 WithPrivateKey(X509Certificate2 certificate, string setting) =>
        certificate.HasPrivateKey
            ? certificate
            : throw new InvalidOperationException($"{setting}: the certificate has no private key, so keys encrypted with it could never be read back.");
}

/// <summary>Warns at start-up when the key ring on a shared database is kept unencrypted.</summary>
internal sealed class KeyRingProtectionCheck(DatabaseSettings database, KeyRingProtection protection, ILogger<KeyRingProtectionCheck> logger) : IStartupTask
{
    public Task RunAsync(CancellationToken cancellationToken)
    {
        if (KeyRingCertificate.ShouldWarnUnprotected(database.Provider, protection.Certificate is not null))
        {
            logger.LogWarning("The data-protection keys that sign people in are stored unencrypted in the PostgreSQL database. Set "
                + KeyRingCertificate.PathKey + " and " + KeyRingCertificate.PasswordKey + " (or " + KeyRingCertificate.ThumbprintKey
                + ") to encrypt them with a certificate.");
        }
        return Task.CompletedTask;
    }
}

/// <summary>The certificate the key ring is encrypted with, if any.</summary>
internal sealed record KeyRingProtection(X509Certificate2? Certificate);
