using LogGuard.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LogGuard.Data.Configurations;

public sealed class BaselineConfiguration : IEntityTypeConfiguration<BaselineRecord>
{
    public void Configure(EntityTypeBuilder<BaselineRecord> builder)
    {
        builder.ToTable("baseline_metrics");
        builder.HasKey(row => row.Id);
        builder.Property(row => row.Id).HasColumnName("id");
        builder.Property(row => row.ModelVersion).HasColumnName("model_version").HasMaxLength(128);
        builder.Property(row => row.CreatedAt).HasColumnName("created_at");
        builder.Property(row => row.SampleSize).HasColumnName("sample_size");
        builder.Property(row => row.PeriodStart).HasColumnName("period_start");
        builder.Property(row => row.PeriodEnd).HasColumnName("period_end");
        builder.Property(row => row.Origin).HasColumnName("origin").HasMaxLength(16);
        builder.Property(row => row.MeanConfidence).HasColumnName("mean_confidence");
        builder.Property(row => row.LowConfidenceRate).HasColumnName("low_confidence_rate");
        builder.Property(row => row.PositiveRate).HasColumnName("positive_rate");
        builder.Property(row => row.OutOfVocabularyRate).HasColumnName("oov_rate");
        builder.Property(row => row.Summary).HasColumnName("summary");
        builder.HasIndex(row => new { row.ModelVersion, row.Id }).HasDatabaseName("ix_baseline_metrics_model_version");
    }
}

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
        builder.HasIndex(row => row.RunAt).HasDatabaseName("ix_window_metrics_run_at");
    }
}

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

public sealed class IncidentExplanationConfiguration : IEntityTypeConfiguration<IncidentExplanationRecord>
{
    public void Configure(EntityTypeBuilder<IncidentExplanationRecord> builder)
    {
        builder.ToTable("incident_explanations");
        builder.HasKey(row => row.Id);
        builder.Property(row => row.Id).HasColumnName("id");
        builder.Property(row => row.IncidentId).HasColumnName("incident_id");
        builder.Property(row => row.GeneratedAt).HasColumnName("generated_at");
        builder.Property(row => row.Summary).HasColumnName("summary");
        builder.Property(row => row.Recommendations).HasColumnName("recommendations");
        builder.Property(row => row.Explainer).HasColumnName("explainer").HasMaxLength(64);
        builder.HasIndex(row => row.IncidentId).HasDatabaseName("ix_incident_explanations_incident_id");
        builder.HasOne<IncidentRecord>().WithMany().HasForeignKey(row => row.IncidentId).OnDelete(DeleteBehavior.Cascade);
    }
}
