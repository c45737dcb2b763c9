using System.Diagnostics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Catalogue.Domain;
using TrainingPortal.Core;
using TrainingPortal.Core.Security;
using TrainingPortal.Data;
using TrainingPortal.Data.Settings;

namespace TrainingPortal.Catalogue.Services;

public sealed record CertificateView(
    string Number, string PractitionerName, string CourseTitle, string CourseCode, int CourseVersion, CourseLevel Level, int DurationMinutes,
    DateOnly CompletedOn, DateOnly? ExpiresOn, TrainingSource Source, int? ScorePercent, string PartnershipName, bool IsValid);

/// <summary>What the public verification page may show: no more than name, course, date and validity.</summary>
public sealed record CertificateCheck(string Number, string PractitionerName, string CourseTitle, DateOnly CompletedOn, DateOnly? ExpiresOn, bool IsValid);

/// <summary>
/// Certificates for approved training records: shown to the person, their agencies' leads and the training unit;
/// verifiable by anyone who has the number.
/// </summary>
public sealed class Certificates(
    PortalDbContext db, Learners learners, AgencyScope scope, ICurrentUser currentUser, PortalSettings settings, TimeProvider clock, IEnumerable<ICertificateHold> holds)
{
    private DateOnly Today => UkTime.Today(clock);

    /// <summary>The certificate, if it exists and the signed-in person may see it.</summary>
    public async Task<CertificateView?> GetAsync(string number, CancellationToken cancellationToken = default)
    {
        var normalised = CertificateNumbers.Normalise(number);
        if (normalised is null)
        {
            return null;
        }
        var found = await Query(normalised).SingleOrDefaultAsync(cancellationToken);
        if (found is null || !await MaySeeAsync(found.PractitionerId, cancellationToken))
        {
            return null;
        }
        var partnership = await settings.GetAsync(PortalSettings.PartnershipName, cancellationToken) ?? "Safeguarding Children Partnership";
        return new CertificateView(found.Number, found.Name, found.Title, found.Code, found.Version, found.Level, found.Duration, found.CompletedOn,
            found.ExpiresOn, found.Source, found.Score, partnership, found.ExpiresOn is null || found.ExpiresOn > Today);
    }

    /// <summary>
    /// Why the signed-in person's own certificate <paramref name="number"/> is not ready yet (another module holds it,
    /// such as until the training is evaluated); null when it is ready, or when it is someone else's (their leads and
    /// the training unit are never kept waiting).
    /// </summary>
    public async Task<CertificateHold?> HoldAsync(string number, CancellationToken cancellationToken = default)
    {
        if (!holds.Any() || CertificateNumbers.Normalise(number) is not { } normalised)
        {
            return null;
        }
        var record = await db.Set<TrainingRecord>().AsNoTracking()
            .Where(r => r.CertificateNumber == normalised && r.Status == RecordStatus.Approved)
            .Select(r => new { r.Id, r.PractitionerId }).SingleOrDefaultAsync(cancellationToken);
        if (record is null || await learners.FindCurrentAsync(cancellationToken) != record.PractitionerId)
        {
            return null;
        }
        foreach (var hold in holds)
        {
            if (await hold.HeldAsync(record.Id, record.PractitionerId, cancellationToken) is { } held)
            {
                return held;
            }
        }
        return null;
    }

    /// <summary>Public check of a number. Unknown, malformed and unapproved numbers all look the same: not found.</summary>
    public async Task<CertificateCheck?> VerifyAsync(string number, CancellationToken cancellationToken = default)
    {
        var normalised = CertificateNumbers.Normalise(number);
        if (normalised is null)
        {
            return null;
        }
        var found = await Query(normalised).SingleOrDefaultAsync(cancellationToken);
        return found is null ? null : new CertificateCheck(found.Number, found.Name, found.Title, found.CompletedOn, found.ExpiresOn, found.ExpiresOn is null || found.ExpiresOn > Today);
    }

    private IQueryable<CertificateRow> Query(string number) =>
        db.Set<TrainingRecord>().AsNoTracking()
            .Where(r => r.CertificateNumber == number && r.Status == RecordStatus.Approved)
            .Join(db.Set<CourseVersion>(), r => r.CourseVersionId, v => v.Id, (r, v) => new { r, v })
            .Join(db.Set<Course>(), x => x.r.CourseId, c => c.Id, (x, c) => new { x.r, x.v, c.Code })
            .Join(db.AllPractitioners(), x => x.r.PractitionerId, p => p.Id, (x, p) => new CertificateRow(
                x.r.CertificateNumber, x.r.PractitionerId, p.FirstName + " " + p.LastName, x.v.Title, x.Code, x.v.Number, x.v.Level,
                x.v.DurationMinutes, x.r.CompletedOn, x.r.ExpiresOn, x.r.Source, x.r.ScorePercent));

    private async Task<bool> MaySeeAsync(Guid practitionerId, CancellationToken cancellationToken)
    {
        if (scope.SeesAllAgencies || await learners.FindCurrentAsync(cancellationToken) == practitionerId)
        {
            return true;
        }
        if (!currentUser.IsInRole(Roles.SafeguardingLead))
        {
            return false;
        }
        var led = await scope.LedAgenciesAsync(cancellationToken);
        return await db.KnownMemberships().AnyAsync(m => m.PractitionerId == practitionerId && led.Contains(m.AgencyId), cancellationToken);
    }

    private sealed record CertificateRow(
        string Number, Guid PractitionerId, string Name, string Title, string Code, int Version, CourseLevel Level, int Duration,
        DateOnly CompletedOn, DateOnly? ExpiresOn, TrainingSource Source, int? Score);
}

/// <summary>The certificate as a print-ready A4 landscape HTML document. The same markup is served and printed to PDF.</summary>
public static class CertificateDocument
{
    public const string Stylesheet = """
        @page { size: A4 landscape; margin: 0; }
        * { box-sizing: border-box; }
        html, body { margin: 0; padding: 0; }
        body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #0b0c0c; background: #f3f2f1; }
        .actions { max-width: 297mm; margin: 16px auto; display: flex; gap: 16px; font-size: 19px; }
        .actions a { color: #1d70b8; }
        .actions a:focus { outline: 3px solid #ffdd00; background: #ffdd00; color: #0b0c0c; }
        .certificate { width: 297mm; height: 210mm; margin: 0 auto 24px; background: #fff; padding: 18mm 22mm; border: 6mm solid #00625e; position: relative; }
        .partnership { font-size: 15pt; font-weight: 700; color: #00625e; margin: 0 0 14mm; }
        h1 { font-size: 32pt; margin: 0 0 10mm; }
        .lead { font-size: 15pt; margin: 0 0 3mm; }
        .name { font-size: 28pt; font-weight: 700; margin: 0 0 8mm; }
        .course { font-size: 22pt; font-weight: 700; margin: 0 0 8mm; }
        dl { display: grid; grid-template-columns: max-content 1fr; gap: 2mm 8mm; font-size: 13pt; margin: 0; }
        dt { font-weight: 700; }
        dd { margin: 0; }
        .number { position: absolute; left: 22mm; right: 22mm; bottom: 14mm; font-size: 11pt; color: #505a5f; }
        @media print { body { background: #fff; } .actions { display: none; } .certificate { margin: 0; } }
        """;

    /// <summary>The whole document. <paramref name="stylesheetHref"/> links the stylesheet (served page); null inlines it (PDF).</summary>
    public static string Render(CertificateView certificate, string verifyUrl, string? stylesheetHref, string? pdfHref)
    {
        static string E(string value) => WebUtility.HtmlEncode(value);
        var style = stylesheetHref is null ? $"<style>{Stylesheet}</style>" : $"<link rel=\"stylesheet\" href=\"{E(stylesheetHref)}\">";
        var actions = pdfHref is null && stylesheetHref is null ? "" :
            $"<nav class=\"actions\" aria-label=\"Certificate\"><a href=\"/my-learning\">Back to my learning</a>{(pdfHref is null ? "" : $"<a href=\"{E(pdfHref)}\">Download PDF</a>")}</nav>";
        var expiry = certificate.ExpiresOn is { } expires ? $"{expires:d MMMM yyyy}" : "Does not expire";
        var score = certificate.ScorePercent is { } s ? $"<dt>Score</dt><dd>{s}%</dd>" : "";
        return $"""
            <!DOCTYPE html>
            <html lang="en-GB">
            <head><meta charset="utf-8"><title>Certificate: {E(certificate.CourseTitle)} – {E(certificate.PractitionerName)}</title>{style}</head>
            <body>
            {actions}
            <main class="certificate">
              <p class="partnership">{E(certificate.PartnershipName)}</p>
              <h1>Certificate of completion</h1>
              <p class="lead">This is to certify that</p>
              <p class="name">{E(certificate.PractitionerName)}</p>
              <p class="lead">has completed</p>
              <p class="course">{E(certificate.CourseTitle)}</p>
              <dl>
                <dt>Completed</dt><dd>{certificate.CompletedOn:d MMMM yyyy}</dd>
                <dt>Valid until</dt><dd>{expiry}</dd>
                <dt>Level</dt><dd>{certificate.Level}</dd>
                <dt>Duration</dt><dd>{Hours(certificate.DurationMinutes)}</dd>
                {score}
              </dl>
              <p class="number">Certificate number {E(certificate.Number)} (course {E(certificate.CourseCode)}, version {certificate.CourseVersion}). Check it at {E(verifyUrl)}</p>
            </main>
            </body>
            </html>
            """;
    }

    private static string Hours(int minutes) => minutes < 60 ? $"{minutes} minutes" : minutes % 60 == 0 ? $"{minutes / 60} hours" : $"{minutes / 60.0:0.#} hours";
}

/// <summary>
/// Prints HTML to PDF with headless Chromium (Debian's <c>chromium</c> package). Where no browser is installed the
/// portal offers the printable HTML certificate only.
/// </summary>
public sealed class PdfPrinter(IConfiguration configuration, ILogger<PdfPrinter> logger)
{
    private static readonly string[] Candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

    public string? BrowserPath => configuration["Certificates:ChromiumPath"] is { Length: > 0 } configured && File.Exists(configured)
        ? configured
        : Candidates.FirstOrDefault(File.Exists);

    public bool IsAvailable => BrowserPath is not null;

    public async Task<byte[]?> PrintAsync(string html, CancellationToken cancellationToken = default)
    {
        if (BrowserPath is not { } browser)
        {
            return null;
        }
        var folder = Directory.CreateTempSubdirectory("certificate-");
        try
        {
            var page = Path.Combine(folder.FullName, "certificate.html");
            var pdf = Path.Combine(folder.FullName, "certificate.pdf");
            await File.WriteAllTextAsync(page, html, cancellationToken);
            var start = new ProcessStartInfo(browser)
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-extensions", "--no-pdf-header-footer",
                $"--user-data-dir={Path.Combine(folder.FullName, "profile")}", $"--print-to-pdf={pdf}", new Uri(page).AbsoluteUri,
            })
            {
                start.ArgumentList.Add(argument);
            }
            using var process = Process.Start(start)!;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(60));
            var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
            _ = process.StandardOutput.ReadToEndAsync(timeout.Token);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }
            if (!File.Exists(pdf))
            {
                logger.LogError("Chromium did not produce a PDF (exit {ExitCode}): {Error}", process.ExitCode, await stderr);
                return null;
            }
            return await File.ReadAllBytesAsync(pdf, cancellationToken);
        }
        finally
        {
            try
            {
                folder.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A browser process still closing may hold the profile folder for a moment; the temp folder is cleaned by the OS.
            }
        }
    }
}
