using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TrainingPortal.Data.Auditing;

/// <summary>Who changed what about a person's record, and when. Never updated or deleted by the application.</summary>
public class AuditEntry
{
    public long Id { get; set; }

    public DateTime OccurredAt { get; set; }

    public Guid? UserId { get; set; }

    public required string UserName { get; set; }

    /// <summary>A verb phrase: "Practitioner created", "Membership confirmed", "Export downloaded".</summary>
    public required string Action { get; set; }

    public required string SubjectType { get; set; }

    public required string SubjectId { get; set; }

    /// <summary>What changed, in words (field: old → new).</summary>
    public string? Details { get; set; }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditEntries");
        builder.Property(e => e.UserName).HasMaxLength(256);
        builder.Property(e => e.Action).HasMaxLength(100);
        builder.Property(e => e.SubjectType).HasMaxLength(100);
        builder.Property(e => e.SubjectId).HasMaxLength(100);
        builder.Property(e => e.Details).HasMaxLength(4000);
        builder.HasIndex(e => new { e.SubjectType, e.SubjectId });
        builder.HasIndex(e => e.OccurredAt);
    }
}
