using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Core.Security;
using TrainingPortal.Data;
using TrainingPortal.Identity.Domain;
using TrainingPortal.Identity.Services;
using TrainingPortal.Notifications.Services;
using TrainingPortal.Reporting.Domain;

namespace TrainingPortal.Reporting.Services;

/// <summary>
/// Writes the emails that go with a stored report to the outbox: an agency's report to its safeguarding leads, the
/// partnership's to the training coordinators and board members, each with the workbook attached and a link to the
/// report on screen. The caller's SaveChanges sends them with the report.
/// </summary>
public sealed class ReportMail(PortalDbContext db, Outbox outbox, PublicUrls urls)
{
    public const string Category = "bi-annual-report";

    private IReadOnlyList<Recipient>? partnershipRecipients;

    private ILookup<Guid, Recipient>? leadsByAgency;

    /// <summary>Queues the report's emails and returns how many were queued.</summary>
    public async Task<int> ReportReadyAsync(BiAnnualReport report, ReportingPeriod period, bool replaced, CancellationToken cancellationToken = default)
    {
        var recipients = report.AgencyId is { } agencyId
            ? (leadsByAgency ??= await LeadsByAgencyAsync(cancellationToken))[agencyId].ToList()
            : partnershipRecipients ??= await PartnershipRecipientsAsync(cancellationToken);
        var attachment = new EmailAttachment(report.FileName, ReportWorkbook.ContentType, report.Workbook);
        var paragraphs = new List<string>
        {
            $"The bi-annual neglect training report for {report.Title} for {period.Name} is ready. The workbook is attached.",
            report.AgencyId is null
                ? "It gives the partnership's figures and a line for each agency, without names."
                : "It names the staff who completed training in the period: keep it within your agency and delete copies you no longer need.",
        };
        if (replaced)
        {
            paragraphs.Add("This replaces the report for this period sent earlier.");
        }
        foreach (var recipient in recipients)
        {
            await outbox.EnqueueAsync(Category, recipient.Email, recipient.Name,
                new EmailContent($"Neglect training report: {report.Title}, {period.Name}", $"Dear {recipient.FirstName},", paragraphs)
                {
                    ActionText = "View the report",
                    ActionUrl = urls.Absolute($"/reports/{report.Id}"),
                }, [attachment], cancellationToken);
        }
        return recipients.Count;
    }

    /// <summary>Every agency's leads, read once per run rather than once per report.</summary>
    private async Task<ILookup<Guid, Recipient>> LeadsByAgencyAsync(CancellationToken cancellationToken)
    {
        // Only accounts that still hold the lead role: the same test AgencyScope applies to who may open the report.
        var leads = await (from l in db.LeadContacts(onlyHoldingLeadRole: true)
                           orderby l.Email
                           select new { l.AgencyId, Recipient = new Recipient(l.Email, l.FirstName + " " + l.LastName, l.FirstName) })
            .ToListAsync(cancellationToken);
        return leads.ToLookup(l => l.AgencyId, l => l.Recipient);
    }

    private async Task<IReadOnlyList<Recipient>> PartnershipRecipientsAsync(CancellationToken cancellationToken)
    {
        var roles = db.Set<PortalRole>().Where(r => r.Name == Roles.TrainingCoordinator || r.Name == Roles.BoardMember).Select(r => r.Id);
        return await db.Set<PortalUser>().AsNoTracking()
            .Where(u => u.Email != null && db.Set<IdentityUserRole<Guid>>().Any(ur => ur.UserId == u.Id && roles.Contains(ur.RoleId)))
            .OrderBy(u => u.Email)
            .Select(u => new Recipient(u.Email!, u.FirstName + " " + u.LastName, u.FirstName))
            .ToListAsync(cancellationToken);
    }

    private sealed record Recipient(string Email, string Name, string FirstName);
}
