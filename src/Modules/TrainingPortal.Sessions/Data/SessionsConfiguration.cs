using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrainingPortal.Agencies.Domain;
using TrainingPortal.Catalogue.Domain;
using TrainingPortal.Identity.Domain;
using TrainingPortal.Sessions.Domain;

namespace TrainingPortal.Sessions.Data;

internal sealed class SessionConfiguration : IEntityTypeConfiguration<Session>
{
    public void Configure(EntityTypeBuilder<Session> builder)
    {
        builder.ToTable("Sessions");
        builder.Property(s => s.VenueName).HasMaxLength(200);
        builder.Property(s => s.VenueAddress).HasMaxLength(500);
        builder.Property(s => s.AccessibilityNotes).HasMaxLength(1000);
        builder.Property(s => s.JoiningLink).HasMaxLength(500);
        builder.Property(s => s.Notes).HasMaxLength(2000);
        builder.Property(s => s.CancellationReason).HasMaxLength(1000);
        builder.Property(s => s.CheckInCode).HasMaxLength(10);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        builder.Ignore(s => s.IsVirtual);
        builder.ToTable(t => t.HasCheckConstraint("CK_Sessions_BookedCount", "\"BookedCount\" >= 0 AND \"BookedCount\" <= \"Capacity\""));
        builder.HasOne<Course>().WithMany().HasForeignKey(s => s.CourseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(s => s.Trainers).WithOne().HasForeignKey(t => t.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.StartsAtUtc, s.Status });
        builder.HasIndex(s => s.CourseId);
    }
}

internal sealed class SessionTrainerConfiguration : IEntityTypeConfiguration<SessionTrainer>
{
    public void Configure(EntityTypeBuilder<SessionTrainer> builder)
    {
        builder.ToTable("SessionTrainers");
        builder.HasKey(t => new { t.SessionId, t.UserId });
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => t.UserId);
    }
}

internal sealed class BookingConfiguration : IEntityTypeConfiguration<Booking>
{
    public void Configure(EntityTypeBuilder<Booking> builder)
    {
        builder.ToTable("Bookings");
        builder.Property(b => b.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(b => b.DeclineReason).HasMaxLength(1000);
        builder.Ignore(b => b.HoldsPlace);
        builder.Ignore(b => b.IsActive);
        builder.HasOne<Session>().WithMany().HasForeignKey(b => b.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Practitioner>().WithMany().HasForeignKey(b => b.PractitionerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Agency>().WithMany().HasForeignKey(b => b.AgencyId).OnDelete(DeleteBehavior.Restrict);
        // One place per person per session, enforced by the database whatever arrives at once.
        var active = string.Join(", ", BookingRules.ActiveStatuses.Select(s => $"'{s}'"));
        builder.HasIndex(b => new { b.SessionId, b.PractitionerId }).IsUnique().HasFilter($"\"Status\" IN ({active})").HasDatabaseName("IX_Bookings_OnePlacePerPerson");
        builder.HasIndex(b => new { b.SessionId, b.WaitlistPosition }).IsUnique().HasFilter("\"WaitlistPosition\" IS NOT NULL");
        builder.HasIndex(b => new { b.SessionId, b.Status });
        builder.HasIndex(b => new { b.PractitionerId, b.Status });
        builder.HasIndex(b => new { b.AgencyId, b.Status });
    }
}

internal sealed class CourseChargeConfiguration : IEntityTypeConfiguration<CourseCharge>
{
    public void Configure(EntityTypeBuilder<CourseCharge> builder)
    {
        builder.ToTable("CourseCharges");
        builder.HasKey(c => c.CourseId);
        builder.HasOne<Course>().WithMany().HasForeignKey(c => c.CourseId).OnDelete(DeleteBehavior.Cascade);
    }
}
