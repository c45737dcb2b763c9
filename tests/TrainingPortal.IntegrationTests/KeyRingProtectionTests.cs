using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TrainingPortal.Data;
using TrainingPortal.Data.DataProtection;

namespace TrainingPortal.IntegrationTests;

/// <summary>The shared data-protection key ring encrypted at rest with a certificate.</summary>
public sealed class KeyRingProtectionTests : IDisposable
{
    private const string CertificatePassword = "pfx-test-password";

    private readonly TempFolder folder = new("trainingportal-keyring");

    public void Dispose() => folder.Dispose();

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task With_a_certificate_the_stored_keys_are_encrypted_and_another_instance_with_it_reads_the_sign_in(TestDatabase database)
    {
        var settings = new Dictionary<string, string>
        {
            [KeyRingCertificate.PathKey] = WritePfx(CertificatePassword),
            [KeyRingCertificate.PasswordKey] = CertificatePassword,
        };
        await using var first = await PortalApp.StartAsync(new PortalAppOptions { Database = database, Settings = settings });
        var signIn = await first.CreateBrowserlikeClient().SignInAsync(first.Options.AdminEmail, first.Options.AdminPassword);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("TrainingPortal.Auth=")).Split(';')[0];

        var stored = await first.InScopeAsync(services => services.GetRequiredService<PortalDbContext>().DataProtectionKeys.AsNoTracking().Select(k => k.Xml).ToListAsync());
        Assert.NotEmpty(stored);
        Assert.All(stored, xml =>
        {
            Assert.Contains("<encryptedSecret", xml);
            Assert.DoesNotContain("<masterKey", xml);
        });

        await using var second = await PortalApp.StartAsync(new PortalAppOptions { Database = database, ConnectionString = first.ConnectionString, Settings = settings });
        var request = new HttpRequestMessage(HttpMethod.Get, "/admin/users");
        request.Headers.Add("Cookie", cookie);
        var response = await second.CreateBrowserlikeClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(first.Options.AdminEmail, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_certificate_file_that_cannot_be_read_stops_start_up_naming_the_setting()
    {
        var path = folder.Combine("not-a-certificate.pfx");
        await File.WriteAllTextAsync(path, "not a certificate");

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => PortalApp.StartAsync(new PortalAppOptions
        {
            Settings = new Dictionary<string, string> { [KeyRingCertificate.PathKey] = path, [KeyRingCertificate.PasswordKey] = "whatever" },
        }));

        var reason = Assert.IsType<InvalidOperationException>(Innermost(failure, e => e is InvalidOperationException && e.Message.StartsWith(KeyRingCertificate.PathKey)));
        Assert.Contains($"cannot read the certificate '{path}'", reason.Message);
    }

    [Fact]
    public void A_wrong_password_or_a_missing_file_or_thumbprint_is_named_in_the_message()
    {
        var pfx = WritePfx(CertificatePassword);

        Assert.StartsWith($"{KeyRingCertificate.PathKey}: cannot read the certificate '{pfx}'",
            Assert.Throws<InvalidOperationException>(() => Load((KeyRingCertificate.PathKey, pfx), (KeyRingCertificate.PasswordKey, "wrong"))).Message);
        Assert.StartsWith($"{KeyRingCertificate.PathKey}: cannot read the certificate",
            Assert.Throws<InvalidOperationException>(() => Load((KeyRingCertificate.PathKey, folder.Combine("missing.pfx")))).Message);
        Assert.StartsWith($"{KeyRingCertificate.ThumbprintKey}: no certificate with thumbprint",
            Assert.Throws<InvalidOperationException>(() => Load((KeyRingCertificate.ThumbprintKey, new string('A', 40)))).Message);
        using var loaded = Load((KeyRingCertificate.PathKey, pfx), (KeyRingCertificate.PasswordKey, CertificatePassword));
        Assert.True(loaded!.HasPrivateKey);
        Assert.Null(Load());
    }

    [Fact]
    public void A_certificate_in_the_current_users_store_is_found_by_its_thumbprint()
    {
        using var certificate = X509CertificateLoader.LoadPkcs12FromFile(WritePfx(CertificatePassword), CertificatePassword, X509KeyStorageFlags.Exportable);
        using var store = new X509Store(StoreName.My, StoreLocation.CurrentUser);
        store.Open(OpenFlags.ReadWrite);
        store.Add(certificate);
        try
        {
            using var loaded = Load((KeyRingCertificate.ThumbprintKey, certificate.Thumbprint.ToLowerInvariant()));
            Assert.Equal(certificate.Thumbprint, loaded!.Thumbprint);
            Assert.True(loaded.HasPrivateKey);
        }
        finally
        {
            store.Remove(certificate);
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.PostgreSql, false, true)]
    [InlineData(DatabaseProvider.PostgreSql, true, false)]
    [InlineData(DatabaseProvider.Sqlite, false, false)]
    [InlineData(DatabaseProvider.Sqlite, true, false)]
    public void Start_up_warns_only_when_keys_on_PostgreSQL_have_no_certificate(DatabaseProvider provider, bool hasCertificate, bool warns) =>
        Assert.Equal(warns, KeyRingCertificate.ShouldWarnUnprotected(provider, hasCertificate));

    private static X509Certificate2? Load(params (string Key, string Value)[] settings) =>
        KeyRingCertificate.FromConfiguration(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build());

    private static Exception? Innermost(Exception exception, Func<Exception, bool> match)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (match(current))
            {
                return current;
            }
        }
        return exception is AggregateException aggregate ? aggregate.InnerExceptions.Select(e => Innermost(e, match)).FirstOrDefault(e => e is not null) : null;
    }

    /// <summary>A new self-signed RSA certificate with its private key, as a password-protected PFX file.</summary>
    private string WritePfx(string password)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=TrainingPortal key ring (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.DataEncipherment, critical: true));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = folder.Combine($"keyring-{Guid.NewGuid():N}.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
        return path;
    }
}

/// <summary>
/// Start-up's warning, read from the console the log writes to. Alone, because the console is process-wide: another
/// test's app on PostgreSQL would write the same warning.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleCaptureCollection
{
    public const string Name = "Console capture";
}

[Collection(ConsoleCaptureCollection.Name)]
public sealed class KeyRingWarningTests
{
    [Theory]
    [InlineData(TestDatabase.Sqlite, false)]
    [InlineData(TestDatabase.PostgreSql, true)]
    public async Task Start_up_on_PostgreSQL_without_a_certificate_logs_a_warning(TestDatabase database, bool warns)
    {
        var console = new StringWriter();
        var original = Console.Out;
        Console.SetOut(TextWriter.Synchronized(console));
        try
        {
            await using var app = await PortalApp.StartAsync(new PortalAppOptions { Database = database });
        }
        finally
        {
            Console.SetOut(original);
        }

        var written = console.ToString();
        Assert.Equal(warns, written.Contains("The data-protection keys that sign people in are stored unencrypted in the PostgreSQL database."));
        Assert.Equal(warns, written.Contains($"Set {KeyRingCertificate.PathKey} and {KeyRingCertificate.PasswordKey} (or {KeyRingCertificate.ThumbprintKey})"));
    }
}
