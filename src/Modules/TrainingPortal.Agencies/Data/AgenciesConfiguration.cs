using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrainingPortal.Agencies.Domain;

namespace TrainingPortal.Agencies.Data;

internal sealed class SectorConfiguration : IEntityTypeConfiguration<Sector>
{
    public void Configure(EntityTypeBuilder<Sector> builder)
    {
        builder.ToTable("Sectors");
        builder.Property(s => s.Name).HasMaxLength(100);
        builder.HasIndex(s => s.Name).IsUnique();
    }
}

internal sealed class AgencyConfiguration : IEntityTypeConfiguration<Agency>
{
    public void Configure(EntityTypeBuilder<Agency> builder)
    {
        builder.ToTable("Agencies");
        builder.Property(a => a.Name).HasMaxLength(200);
        builder.HasIndex(a => a.Name).IsUnique();
        builder.HasOne(a => a.Sector).WithMany().HasForeignKey(a => a.SectorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Teams).WithOne().HasForeignKey(t => t.AgencyId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TeamConfiguration : IEntityTypeConfiguration<Team>
{
    public void Configure(EntityTypeBuilder<Team> builder)
    {
        builder.ToTable("Teams");
        builder.Property(t => t.Name).HasMaxLength(200);
        builder.HasIndex(t => new { t.AgencyId, t.Name }).IsUnique();
    }
}

internal sealed class AgencyLeadConfiguration : IEntityTypeConfiguration<AgencyLead>
{
    public void Configure(EntityTypeBuilder<AgencyLead> builder)
    {
        builder.ToTable("AgencyLeads");
        builder.HasKey(l => new { l.AgencyId, l.UserId });
        builder.HasIndex(l => l.UserId);
        builder.HasOne<Agency>().WithMany().HasForeignKey(l => l.AgencyId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WorkforceGroupConfiguration : IEntityTypeConfiguration<WorkforceGroup>
{
    public void Configure(EntityTypeBuilder<WorkforceGroup> builder)
    {
        builder.ToTable("WorkforceGroups");
        builder.Property(g => g.Code).HasMaxLength(20);
        builder.Property(g => g.Name).HasMaxLength(200);
        builder.Property(g => g.Description).HasMaxLength(2000);
        builder.HasIndex(g => g.Code).IsUnique();
    }
}

internal sealed class PractitionerConfiguration : IEntityTypeConfiguration<Practitioner>
{
    public void Configure(EntityTypeBuilder<Practitioner> builder)
    {
        builder.ToTable("Practitioners");
        builder.Property(p => p.FirstName).HasMaxLength(100);
        builder.Property(p => p.LastName).HasMaxLength(100);
        builder.Property(p => p.Email).HasMaxLength(256);
        builder.Ignore(p => p.FullName);
        builder.HasIndex(p => p.Email).IsUnique();
        builder.HasIndex(p => p.UserId).IsUnique();
        builder.HasIndex(p => new { p.LastName, p.FirstName });
        builder.HasMany(p => p.Memberships).WithOne(m => m.Practitioner).HasForeignKey(m => m.PractitionerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AgencyMembershipConfiguration : IEntityTypeConfiguration<AgencyMembership>
{
    public void Configure(EntityTypeBuilder<AgencyMembership> builder)
    {
        builder.ToTable("AgencyMemberships");
        builder.Property(m => m.EmployeeReference).HasMaxLength(50);
        builder.Property(m => m.JobTitle).HasMaxLength(200);
        builder.Property(m => m.ManagerName).HasMaxLength(200);
        builder.Property(m => m.ManagerEmail).HasMaxLength(256);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(30);
        builder.HasOne(m => m.Agency).WithMany().HasForeignKey(m => m.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(m => m.Team).WithMany().HasForeignKey(m => m.TeamId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(m => m.WorkforceGroup).WithMany().HasForeignKey(m => m.WorkforceGroupId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.AgencyId, m.PractitionerId }).IsUnique();
        builder.HasIndex(m => new { m.AgencyId, m.EmployeeReference }).IsUnique();
        builder.HasIndex(m => new { m.AgencyId, m.Status, m.LeavingDate });
    }
}

internal sealed class StaffImportConfiguration : IEntityTypeConfiguration<StaffImport>
{
    public void Configure(EntityTypeBuilder<StaffImport> builder)
    {
        builder.ToTable("StaffImports");
        builder.Property(i => i.UploadedByName).HasMaxLength(256);
        builder.Property(i => i.ConfirmedByName).HasMaxLength(256);
        builder.Property(i => i.FileName).HasMaxLength(260);
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(30);
        builder.HasOne<Agency>().WithMany().HasForeignKey(i => i.AgencyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(i => i.Messages).WithOne().HasForeignKey(m => m.StaffImportId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(i => new { i.AgencyId, i.UploadedAt });
        builder.HasIndex(i => new { i.Status, i.UploadedAt });
    }
}

internal sealed class StaffImportMessageConfiguration : IEntityTypeConfiguration<StaffImportMessage>
{
    public void Configure(EntityTypeBuilder<StaffImportMessage> builder)
    {
        builder.ToTable("StaffImportMessages");
        builder.Property(m => m.Column).HasMaxLength(50);
        builder.Property(m => m.Message).HasMaxLength(500);
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(10);
        builder.HasIndex(m => new { m.StaffImportId, m.Kind, m.RowNumber });
    }
}

internal sealed class PendingRegistrationConfiguration : IEntityTypeConfiguration<PendingRegistration>
{
    public void Configure(EntityTypeBuilder<PendingRegistration> builder)
    {
        builder.ToTable("PendingRegistrations");
        builder.HasKey(r => r.UserId);
        builder.Property(r => r.JobTitle).HasMaxLength(200);
        builder.HasOne<Agency>().WithMany().HasForeignKey(r => r.AgencyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<TrainingPortal.Identity.Domain.PortalUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
