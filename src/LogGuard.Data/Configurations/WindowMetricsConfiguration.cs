using LogGuard.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LogGuard.Data.Configurations;

public sealed class WindowMetricsConfiguration : IEntityTypeConfiguration<WindowMetricsRecord>
{
    public void Configure(EntityTypeBuilder<WindowMetricsRecord> builder)
    {
        builder.ToTable("window_metrics");
        builder.HasKey(row => row.Id);
        builder.Property(row => row.Id).HasColumnName("id");
        builder.Property(row => row.RunAt).HasColumnName("run_at");
        builder.Property(row => row.WindowStart).HasColumnName("window_start");
        builder.Property(row => row.WindowEnd).HasColumnName("window_end");
        builder.Property(row => row.PredictionCount).HasColumnName("prediction_count");
        builder.Property(row => row.BaselineId).HasColumnName("baseline_id");
        builder.Property(row => row.Severity).HasColumnName("severity").HasMaxLength(24);
        builder.Property(row => row.Signals).HasColumnName("signals");
        builder.Property(row => row.StateBefore).HasColumnName("state_before").HasMaxLength(16);
        builder.Property(row => row.StateAfter).HasColumnName("state_after").HasMaxLength(16);
        builder.Property(row => row.RunBy).HasColumnName("run_by").HasMaxLength(128);
        builder.HasIndex(row => row.RunAt).HasDatabaseName("ix_window_metrics_run_at");
    }
}
