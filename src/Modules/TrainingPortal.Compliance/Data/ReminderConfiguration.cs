using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrainingPortal.Agencies.Domain;
using TrainingPortal.Compliance.Domain;
using TrainingPortal.Identity.Domain;

namespace TrainingPortal.Compliance.Data;

internal sealed class ComplianceReminderConfiguration : IEntityTypeConfiguration<ComplianceReminder>
{
    public void Configure(EntityTypeBuilder<ComplianceReminder> builder)
    {
        builder.ToTable("ComplianceReminders");
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        // The claim: inserting a reminder that was already sent fails, whichever instance or run tries it.
        builder.HasIndex(r => new { r.PractitionerId, r.RequirementId, r.Status, r.ExpiresOn }).IsUnique();
        builder.HasOne<Practitioner>().WithMany().HasForeignKey(r => r.PractitionerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Requirement>().WithMany().HasForeignKey(r => r.RequirementId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ComplianceDigestConfiguration : IEntityTypeConfiguration<ComplianceDigest>
{
    public void Configure(EntityTypeBuilder<ComplianceDigest> builder)
    {
        builder.ToTable("ComplianceDigests");
        // One summary per lead per week, whoever sends it.
        builder.HasKey(d => new { d.LeadUserId, d.WeekStarting });
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(d => d.LeadUserId).OnDelete(DeleteBehavior.Cascade);
    }
}
