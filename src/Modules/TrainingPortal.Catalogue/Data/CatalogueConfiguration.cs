using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrainingPortal.Agencies.Domain;
using TrainingPortal.Catalogue.Domain;

namespace TrainingPortal.Catalogue.Data;

internal sealed class CourseConfiguration : IEntityTypeConfiguration<Course>
{
    public void Configure(EntityTypeBuilder<Course> builder)
    {
        builder.ToTable("Courses");
        builder.Property(c => c.Code).HasMaxLength(30);
        builder.HasIndex(c => c.Code).IsUnique();
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.Ignore(c => c.CurrentVersion);
        builder.HasMany(c => c.Versions).WithOne().HasForeignKey(v => v.CourseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Prerequisites).WithOne().HasForeignKey(p => p.CourseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CourseVersionConfiguration : IEntityTypeConfiguration<CourseVersion>
{
    public void Configure(EntityTypeBuilder<CourseVersion> builder)
    {
        builder.ToTable("CourseVersions");
        builder.HasIndex(v => new { v.CourseId, v.Number }).IsUnique();
        builder.Property(v => v.Title).HasMaxLength(200);
        builder.Property(v => v.Summary).HasMaxLength(2000);
        builder.Property(v => v.LearningOutcomes).HasMaxLength(4000);
        builder.Property(v => v.Owner).HasMaxLength(200);
        builder.Property(v => v.Level).HasConversion<string>().HasMaxLength(20);
        builder.Property(v => v.DeliveryMode).HasConversion<string>().HasMaxLength(20);
        builder.Property(v => v.Licence).HasConversion<string>().HasMaxLength(30);
        builder.Ignore(v => v.OutcomeList);
        builder.Ignore(v => v.HasKnowledgeCheck);
        builder.HasMany(v => v.Lessons).WithOne().HasForeignKey(l => l.CourseVersionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(v => v.Questions).WithOne().HasForeignKey(q => q.CourseVersionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CoursePrerequisiteConfiguration : IEntityTypeConfiguration<CoursePrerequisite>
{
    public void Configure(EntityTypeBuilder<CoursePrerequisite> builder)
    {
        builder.ToTable("CoursePrerequisites");
        builder.HasKey(p => new { p.CourseId, p.RequiredCourseId });
        builder.HasOne<Course>().WithMany().HasForeignKey(p => p.RequiredCourseId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class LessonConfiguration : IEntityTypeConfiguration<Lesson>
{
    public void Configure(EntityTypeBuilder<Lesson> builder)
    {
        builder.ToTable("Lessons");
        builder.Property(l => l.Title).HasMaxLength(200);
        builder.Property(l => l.Body).HasMaxLength(40_000);
        builder.HasIndex(l => new { l.CourseVersionId, l.Order });
    }
}

internal sealed class QuestionConfiguration : IEntityTypeConfiguration<Question>
{
    public void Configure(EntityTypeBuilder<Question> builder)
    {
        builder.ToTable("Questions");
        builder.Property(q => q.Text).HasMaxLength(1000);
        builder.HasMany(q => q.Options).WithOne().HasForeignKey(o => o.QuestionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AnswerOptionConfiguration : IEntityTypeConfiguration<AnswerOption>
{
    public void Configure(EntityTypeBuilder<AnswerOption> builder)
    {
        builder.ToTable("AnswerOptions");
        builder.Property(o => o.Text).HasMaxLength(500);
    }
}

internal sealed class LessonImageConfiguration : IEntityTypeConfiguration<LessonImage>
{
    public void Configure(EntityTypeBuilder<LessonImage> builder)
    {
        builder.ToTable("LessonImages");
        builder.Property(i => i.FileName).HasMaxLength(200);
        builder.Property(i => i.ContentType).HasMaxLength(100);
        builder.HasOne<Course>().WithMany().HasForeignKey(i => i.CourseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CourseResourceConfiguration : IEntityTypeConfiguration<CourseResource>
{
    public void Configure(EntityTypeBuilder<CourseResource> builder)
    {
        builder.ToTable("CourseResources");
        builder.Property(r => r.Title).HasMaxLength(200);
        builder.Property(r => r.FileName).HasMaxLength(200);
        builder.Property(r => r.ContentType).HasMaxLength(100);
        builder.HasOne<Course>().WithMany().HasForeignKey(r => r.CourseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TrainingRecordConfiguration : IEntityTypeConfiguration<TrainingRecord>
{
    public void Configure(EntityTypeBuilder<TrainingRecord> builder)
    {
        builder.ToTable("TrainingRecords");
        builder.Property(r => r.CertificateNumber).HasMaxLength(32);
        builder.HasIndex(r => r.CertificateNumber).IsUnique();
        builder.Property(r => r.Source).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Provider).HasMaxLength(200);
        builder.Property(r => r.Reason).HasMaxLength(1000);
        builder.Property(r => r.DecisionNote).HasMaxLength(1000);
        builder.HasOne<Practitioner>().WithMany().HasForeignKey(r => r.PractitionerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Course>().WithMany().HasForeignKey(r => r.CourseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CourseVersion>().WithMany().HasForeignKey(r => r.CourseVersionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.Evidence).WithOne().HasForeignKey<TrainingEvidence>(e => e.TrainingRecordId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.PractitionerId, r.CourseId, r.CompletedOn });
        builder.HasIndex(r => new { r.CourseId, r.Status, r.ExpiresOn });
    }
}

internal sealed class TrainingEvidenceConfiguration : IEntityTypeConfiguration<TrainingEvidence>
{
    public void Configure(EntityTypeBuilder<TrainingEvidence> builder)
    {
        builder.ToTable("TrainingEvidence");
        builder.HasKey(e => e.TrainingRecordId);
        builder.Property(e => e.FileName).HasMaxLength(200);
        builder.Property(e => e.ContentType).HasMaxLength(100);
    }
}

internal sealed class EnrolmentConfiguration : IEntityTypeConfiguration<Enrolment>
{
    public void Configure(EntityTypeBuilder<Enrolment> builder)
    {
        builder.ToTable("Enrolments");
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(e => new { e.PractitionerId, e.CourseVersionId }).IsUnique();
        builder.HasOne<Practitioner>().WithMany().HasForeignKey(e => e.PractitionerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<CourseVersion>().WithMany().HasForeignKey(e => e.CourseVersionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(e => e.Attempts).WithOne().HasForeignKey(a => a.EnrolmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class KnowledgeCheckAttemptConfiguration : IEntityTypeConfiguration<KnowledgeCheckAttempt>
{
    public void Configure(EntityTypeBuilder<KnowledgeCheckAttempt> builder)
    {
        builder.ToTable("KnowledgeCheckAttempts");
        builder.Property(a => a.Layout).HasMaxLength(20_000);
        builder.HasIndex(a => new { a.EnrolmentId, a.Number }).IsUnique();
    }
}
