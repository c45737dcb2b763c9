using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrainingPortal.Notifications.Domain;

namespace TrainingPortal.Notifications.Data;

internal sealed class NotificationPreferenceConfiguration : IEntityTypeConfiguration<NotificationPreference>
{
    public void Configure(EntityTypeBuilder<NotificationPreference> builder)
    {
        // No foreign key to the accounts table: this module sits below Identity and cannot name its types.
        builder.ToTable("NotificationPreferences");
        builder.HasKey(p => new { p.UserId, p.Topic });
        builder.Property(p => p.Topic).HasMaxLength(100);
        builder.Property(p => p.Frequency).HasConversion<string>().HasMaxLength(20);
    }
}
