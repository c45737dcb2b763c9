using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrainingPortal.Agencies.Domain;
using TrainingPortal.Catalogue.Domain;
using TrainingPortal.Compliance.Domain;

namespace TrainingPortal.Compliance.Data;

internal sealed class RequirementConfiguration : IEntityTypeConfiguration<Requirement>
{
    public void Configure(EntityTypeBuilder<Requirement> builder)
    {
        builder.ToTable("Requirements");
        builder.Property(r => r.Name).HasMaxLength(200);
        builder.HasIndex(r => r.Name).IsUnique();
        builder.HasMany(r => r.Courses).WithOne().HasForeignKey(c => c.RequirementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Groups).WithOne().HasForeignKey(g => g.RequirementId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RequirementCourseConfiguration : IEntityTypeConfiguration<RequirementCourse>
{
    public void Configure(EntityTypeBuilder<RequirementCourse> builder)
    {
        builder.ToTable("RequirementCourses");
        builder.HasKey(c => new { c.RequirementId, c.CourseId });
        builder.HasOne<Course>().WithMany().HasForeignKey(c => c.CourseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.CourseId);
    }
}

internal sealed class RequirementGroupConfiguration : IEntityTypeConfiguration<RequirementGroup>
{
    public void Configure(EntityTypeBuilder<RequirementGroup> builder)
    {
        builder.ToTable("RequirementGroups");
        builder.HasKey(g => new { g.RequirementId, g.WorkforceGroupId });
        builder.HasOne<WorkforceGroup>().WithMany().HasForeignKey(g => g.WorkforceGroupId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(g => g.WorkforceGroupId);
    }
}

internal sealed class ComplianceSnapshotConfiguration : IEntityTypeConfiguration<ComplianceSnapshot>
{
    public void Configure(EntityTypeBuilder<ComplianceSnapshot> builder)
    {
        builder.ToTable("ComplianceSnapshots");
        builder.HasKey(s => new { s.AsAt, s.AgencyId, s.RequirementId });
        builder.Ignore(s => s.Total);
        builder.HasOne<Agency>().WithMany().HasForeignKey(s => s.AgencyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Requirement>().WithMany().HasForeignKey(s => s.RequirementId).OnDelete(DeleteBehavior.Cascade);
    }
}
