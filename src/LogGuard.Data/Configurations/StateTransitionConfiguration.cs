using LogGuard.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LogGuard.Data.Configurations;

public sealed class StateTransitionConfiguration : IEntityTypeConfiguration<StateTransitionRecord>
{
    public void Configure(EntityTypeBuilder<StateTransitionRecord> builder)
    {
        builder.ToTable("system_state_history");
        builder.HasKey(row => row.Id);
        builder.Property(row => row.Id).HasColumnName("id");
        builder.Property(row => row.At).HasColumnName("at");
        builder.Property(row => row.FromState).HasColumnName("from_state").HasMaxLength(16);
        builder.Property(row => row.ToState).HasColumnName("to_state").HasMaxLength(16);
        builder.Property(row => row.Reason).HasColumnName("reason").HasMaxLength(2048);
        builder.Property(row => row.Trigger).HasColumnName("trigger").HasMaxLength(16);
        builder.Property(row => row.IsRecovery).HasColumnName("is_recovery");
        builder.Property(row => row.WindowMetricsId).HasColumnName("window_metrics_id");
    }
}
