using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrainingPortal.Agencies.Domain;
using TrainingPortal.Catalogue.Domain;
using TrainingPortal.Champions.Domain;
using TrainingPortal.Identity.Domain;

namespace TrainingPortal.Champions.Data;

internal sealed class ChampionConfiguration : IEntityTypeConfiguration<Champion>
{
    public void Configure(EntityTypeBuilder<Champion> builder)
    {
        builder.ToTable("Champions");
        builder.Property(c => c.AreaOfInterest).HasMaxLength(200);
        // One entry per person per agency; its spells are its history.
        builder.HasIndex(c => new { c.PractitionerId, c.AgencyId }).IsUnique();
        builder.HasIndex(c => c.AgencyId);
        builder.HasOne<Practitioner>().WithMany().HasForeignKey(c => c.PractitionerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Agency>().WithMany().HasForeignKey(c => c.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Spells).WithOne().HasForeignKey(s => s.ChampionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ChampionSpellConfiguration : IEntityTypeConfiguration<ChampionSpell>
{
    public void Configure(EntityTypeBuilder<ChampionSpell> builder)
    {
        builder.ToTable("ChampionSpells");
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Reason).HasMaxLength(1000);
        // At most one nominated or active spell per entry, whichever request or instance tries to add a second.
        builder.HasIndex(s => s.ChampionId).IsUnique().HasFilter("\"Status\" IN ('Nominated', 'Active')").HasDatabaseName("IX_ChampionSpells_OneOpenSpell");
        builder.HasIndex(s => new { s.ChampionId, s.StartDate });
    }
}

internal sealed class SevenMinuteGuideConfiguration : IEntityTypeConfiguration<SevenMinuteGuide>
{
    public void Configure(EntityTypeBuilder<SevenMinuteGuide> builder)
    {
        builder.ToTable("SevenMinuteGuides");
        builder.Property(g => g.Format).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(g => g.Number).IsUnique();
        builder.HasIndex(g => g.AuthorUserId);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(g => g.AuthorUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Course>().WithMany().HasForeignKey(g => g.CourseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(g => g.Versions).WithOne().HasForeignKey(v => v.GuideId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class GuideVersionConfiguration : IEntityTypeConfiguration<GuideVersion>
{
    public void Configure(EntityTypeBuilder<GuideVersion> builder)
    {
        builder.ToTable("GuideVersions");
        builder.Property(v => v.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(v => v.Title).HasMaxLength(200);
        builder.Property(v => v.ReviewComments).HasMaxLength(4000);
        builder.HasIndex(v => new { v.GuideId, v.Number }).IsUnique();
        builder.HasIndex(v => new { v.Status, v.PublishedAt });
        builder.HasOne<CourseVersion>().WithMany().HasForeignKey(v => v.CourseVersionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(v => v.Tags).WithOne().HasForeignKey(t => t.GuideVersionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(v => v.Sectors).WithOne().HasForeignKey(s => s.GuideVersionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class GuideTagConfiguration : IEntityTypeConfiguration<GuideTag>
{
    public void Configure(EntityTypeBuilder<GuideTag> builder)
    {
        builder.ToTable("GuideTags");
        builder.HasKey(t => new { t.GuideVersionId, t.Tag });
        builder.Property(t => t.Tag).HasMaxLength(50);
        builder.HasIndex(t => t.Tag);
    }
}

internal sealed class GuideSectorConfiguration : IEntityTypeConfiguration<GuideSector>
{
    public void Configure(EntityTypeBuilder<GuideSector> builder)
    {
        builder.ToTable("GuideSectors");
        builder.HasKey(s => new { s.GuideVersionId, s.SectorId });
        builder.HasOne<Sector>().WithMany().HasForeignKey(s => s.SectorId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BriefingLogConfiguration : IEntityTypeConfiguration<BriefingLog>
{
    public void Configure(EntityTypeBuilder<BriefingLog> builder)
    {
        builder.ToTable("BriefingLogs");
        builder.Property(b => b.Team).HasMaxLength(200);
        builder.Property(b => b.DeliveredBy).HasMaxLength(200);
        builder.Property(b => b.DiscussionNotes).HasMaxLength(4000);
        builder.HasIndex(b => new { b.AgencyId, b.DeliveredOn });
        builder.HasIndex(b => b.DeliveredOn);
        builder.HasOne<SevenMinuteGuide>().WithMany().HasForeignKey(b => b.GuideId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<GuideVersion>().WithMany().HasForeignKey(b => b.GuideVersionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Agency>().WithMany().HasForeignKey(b => b.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(b => b.Attendees).WithOne().HasForeignKey(a => a.BriefingLogId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(b => b.Actions).WithOne().HasForeignKey(a => a.BriefingLogId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BriefingAttendeeConfiguration : IEntityTypeConfiguration<BriefingAttendee>
{
    public void Configure(EntityTypeBuilder<BriefingAttendee> builder)
    {
        builder.ToTable("BriefingAttendees");
        builder.Property(a => a.Name).HasMaxLength(200);
        // A person is on a log once, however many agencies they were picked through.
        builder.HasIndex(a => new { a.BriefingLogId, a.PractitionerId }).IsUnique();
        builder.HasIndex(a => a.PractitionerId);
        builder.HasOne<Practitioner>().WithMany().HasForeignKey(a => a.PractitionerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<TrainingRecord>().WithMany().HasForeignKey(a => a.TrainingRecordId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class BriefingActionConfiguration : IEntityTypeConfiguration<BriefingAction>
{
    public void Configure(EntityTypeBuilder<BriefingAction> builder)
    {
        builder.ToTable("BriefingActions");
        builder.Property(a => a.Description).HasMaxLength(1000);
        builder.Property(a => a.Owner).HasMaxLength(200);
        builder.HasIndex(a => new { a.DoneOn, a.DueOn });
    }
}
