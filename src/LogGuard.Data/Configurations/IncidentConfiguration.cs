using LogGuard.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LogGuard.Data.Configurations;

public sealed class IncidentConfiguration : IEntityTypeConfiguration<IncidentRecord>
{
    public void Configure(EntityTypeBuilder<IncidentRecord> builder)
    {
        builder.ToTable("incidents");
        builder.HasKey(row => row.Id);
        builder.Property(row => row.Id).HasColumnName("id");
        builder.Property(row => row.DetectedAt).HasColumnName("detected_at");
        builder.Property(row => row.Severity).HasColumnName("severity").HasMaxLength(16);
        builder.Property(row => row.TriggerSignals).HasColumnName("trigger_signals");
        builder.Property(row => row.DecisionReason).HasColumnName("decision_reason").HasMaxLength(2048);
        builder.Property(row => row.FallbackActivated).HasColumnName("fallback_activated");
        builder.Property(row => row.Resolved).HasColumnName("resolved");
        builder.Property(row => row.ResolvedAt).HasColumnName("resolved_at");
        builder.Property(row => row.AcknowledgedAt).HasColumnName("acknowledged_at");
    }
}
