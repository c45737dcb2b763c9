using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrainingPortal.Agencies.Domain;
using TrainingPortal.Reporting.Domain;

namespace TrainingPortal.Reporting.Data;

internal sealed class BiAnnualReportConfiguration : IEntityTypeConfiguration<BiAnnualReport>
{
    public void Configure(EntityTypeBuilder<BiAnnualReport> builder)
    {
        builder.ToTable("BiAnnualReports");
        builder.Property(r => r.Title).HasMaxLength(200);
        builder.Property(r => r.FileName).HasMaxLength(260);
        builder.Ignore(r => r.IsPartnership);
        builder.HasOne<Agency>().WithMany().HasForeignKey(r => r.AgencyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ReportRun>().WithMany().HasForeignKey(r => r.RunId).OnDelete(DeleteBehavior.Restrict);
        // One report per agency per period, and one partnership report per period.
        builder.HasIndex(r => new { r.PeriodStart, r.AgencyId }).IsUnique().HasFilter("\"AgencyId\" IS NOT NULL");
        builder.HasIndex(r => r.PeriodStart).IsUnique().HasFilter("\"AgencyId\" IS NULL").HasDatabaseName("IX_BiAnnualReports_PartnershipPeriod");
    }
}

internal sealed class ReportRunConfiguration : IEntityTypeConfiguration<ReportRun>
{
    public void Configure(EntityTypeBuilder<ReportRun> builder)
    {
        builder.ToTable("ReportRuns");
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Failure).HasMaxLength(2000);
        builder.HasIndex(r => new { r.PeriodStart, r.RequestedAt });
    }
}
