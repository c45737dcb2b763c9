using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrainingPortal.Agencies.Domain;
using TrainingPortal.Compliance.Domain;
using TrainingPortal.Tna.Domain;
using TrainingPortal.Tna.Services;

namespace TrainingPortal.Tna.Data;

internal sealed class TrainingNeedsAnalysisConfiguration : IEntityTypeConfiguration<TrainingNeedsAnalysis>
{
    public void Configure(EntityTypeBuilder<TrainingNeedsAnalysis> builder)
    {
        builder.ToTable("TrainingNeedsAnalyses");
        builder.Ignore(a => a.Name);
        // One TNA per year, however many coordinators open it at once.
        builder.HasIndex(a => a.StartYear).IsUnique();
    }
}

internal sealed class TnaSubmissionConfiguration : IEntityTypeConfiguration<TnaSubmission>
{
    public void Configure(EntityTypeBuilder<TnaSubmission> builder)
    {
        builder.ToTable("TnaSubmissions");
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.ReopenReason).HasMaxLength(TnaLimits.ReasonLength);
        // One set of figures per agency and TNA: two saves at once cannot make two.
        builder.HasIndex(s => new { s.AnalysisId, s.AgencyId }).IsUnique();
        builder.HasOne<TrainingNeedsAnalysis>().WithMany().HasForeignKey(s => s.AnalysisId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Agency>().WithMany().HasForeignKey(s => s.AgencyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.Figures).WithOne().HasForeignKey(f => f.SubmissionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.Starters).WithOne().HasForeignKey(f => f.SubmissionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TnaFigureConfiguration : IEntityTypeConfiguration<TnaFigure>
{
    public void Configure(EntityTypeBuilder<TnaFigure> builder)
    {
        builder.ToTable("TnaFigures", t =>
        {
            t.HasCheckConstraint("CK_TnaFigures_Computed", "\"Computed\" >= 0");
            t.HasCheckConstraint("CK_TnaFigures_Adjusted", "\"Adjusted\" IS NULL OR \"Adjusted\" >= 0");
        });
        builder.HasKey(f => new { f.SubmissionId, f.WorkforceGroupId, f.RequirementId });
        builder.Ignore(f => f.Needed);
        builder.Property(f => f.Reason).HasMaxLength(TnaLimits.ReasonLength);
        builder.HasOne<WorkforceGroup>().WithMany().HasForeignKey(f => f.WorkforceGroupId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Requirement>().WithMany().HasForeignKey(f => f.RequirementId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TnaPlannedStartersConfiguration : IEntityTypeConfiguration<TnaPlannedStarters>
{
    public void Configure(EntityTypeBuilder<TnaPlannedStarters> builder)
    {
        builder.ToTable("TnaPlannedStarters", t => t.HasCheckConstraint("CK_TnaPlannedStarters_Count", "\"Count\" >= 0"));
        builder.HasKey(s => new { s.SubmissionId, s.WorkforceGroupId });
        builder.HasOne<WorkforceGroup>().WithMany().HasForeignKey(s => s.WorkforceGroupId).OnDelete(DeleteBehavior.Cascade);
    }
}
