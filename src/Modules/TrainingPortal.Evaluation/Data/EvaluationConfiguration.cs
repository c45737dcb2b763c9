using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrainingPortal.Agencies.Domain;
using TrainingPortal.Catalogue.Domain;
using TrainingPortal.Evaluation.Domain;

namespace TrainingPortal.Evaluation.Data;

internal sealed class EvaluationRequestConfiguration : IEntityTypeConfiguration<EvaluationRequest>
{
    public void Configure(EntityTypeBuilder<EvaluationRequest> builder)
    {
        builder.ToTable("EvaluationRequests");
        builder.Property(r => r.Source).HasConversion<string>().HasMaxLength(20);
        // One request per completion, whichever job run or app instance gets there first.
        builder.HasIndex(r => r.TrainingRecordId).IsUnique();
        builder.HasIndex(r => new { r.PractitionerId, r.AnsweredAt });
        builder.HasIndex(r => new { r.CourseVersionId, r.CompletedOn });
        builder.HasIndex(r => r.CompletedOn);
        builder.HasOne<TrainingRecord>().WithMany().HasForeignKey(r => r.TrainingRecordId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Practitioner>().WithMany().HasForeignKey(r => r.PractitionerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Course>().WithMany().HasForeignKey(r => r.CourseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CourseVersion>().WithMany().HasForeignKey(r => r.CourseVersionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.Response).WithOne().HasForeignKey<EvaluationResponse>(r => r.RequestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.FollowUp).WithOne().HasForeignKey<FollowUp>(f => f.RequestId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EvaluationResponseConfiguration : IEntityTypeConfiguration<EvaluationResponse>
{
    public void Configure(EntityTypeBuilder<EvaluationResponse> builder)
    {
        builder.ToTable("EvaluationResponses");
        builder.HasKey(r => r.RequestId);
        builder.Property(r => r.DoingDifferently).HasMaxLength(EvaluationLimits.FreeTextLength);
        builder.HasMany(r => r.Outcomes).WithOne().HasForeignKey(o => o.RequestId).OnDelete(DeleteBehavior.Cascade);
        builder.ToTable(t => t.HasCheckConstraint("CK_EvaluationResponses_Rating", "\"OverallRating\" BETWEEN 1 AND 5"));
    }
}

internal sealed class OutcomeConfidenceConfiguration : IEntityTypeConfiguration<OutcomeConfidence>
{
    public void Configure(EntityTypeBuilder<OutcomeConfidence> builder)
    {
        builder.ToTable("EvaluationOutcomeConfidence", t =>
        {
            t.HasCheckConstraint("CK_EvaluationOutcomeConfidence_Before", "\"Before\" BETWEEN 1 AND 5");
            t.HasCheckConstraint("CK_EvaluationOutcomeConfidence_After", "\"After\" BETWEEN 1 AND 5");
        });
        builder.HasKey(o => new { o.RequestId, o.OutcomeNumber });
        builder.Property(o => o.Outcome).HasMaxLength(1000);
    }
}

internal sealed class FollowUpConfiguration : IEntityTypeConfiguration<FollowUp>
{
    public void Configure(EntityTypeBuilder<FollowUp> builder)
    {
        builder.ToTable("EvaluationFollowUps");
        builder.HasKey(f => f.RequestId);
        builder.Property(f => f.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(f => f.PracticeChange).HasConversion<string>().HasMaxLength(20);
        builder.Property(f => f.UseFrequency).HasConversion<string>().HasMaxLength(20);
        builder.Property(f => f.Example).HasMaxLength(EvaluationLimits.FreeTextLength);
        builder.HasIndex(f => new { f.Status, f.CreatedAt });
    }
}
