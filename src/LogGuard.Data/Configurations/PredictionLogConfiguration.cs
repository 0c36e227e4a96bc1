using LogGuard.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LogGuard.Data.Configurations;

public sealed class PredictionLogConfiguration : IEntityTypeConfiguration<PredictionLog>
{
    public void Configure(EntityTypeBuilder<PredictionLog> builder)
    {
        builder.ToTable("prediction_logs");
        builder.HasKey(log => log.Id);
        builder.Property(log => log.Id).HasColumnName("id");
        builder.Property(log => log.Timestamp).HasColumnName("timestamp");
        builder.Property(log => log.RequestId).HasColumnName("request_id").HasMaxLength(64);
        builder.Property(log => log.Source).HasColumnName("source").HasMaxLength(64);
        builder.Property(log => log.ClientName).HasColumnName("client_name").HasMaxLength(64);
        builder.Property(log => log.ModelVersion).HasColumnName("model_version").HasMaxLength(128);
        builder.Property(log => log.RulesVersion).HasColumnName("rules_version").HasMaxLength(64);
        builder.Property(log => log.SystemState).HasColumnName("system_state").HasMaxLength(16);
        builder.Property(log => log.DecidedBy).HasColumnName("decided_by").HasMaxLength(16);
        builder.Property(log => log.FallbackUsed).HasColumnName("fallback_used");
        builder.Property(log => log.Label).HasColumnName("label").HasMaxLength(16);
        builder.Property(log => log.Score).HasColumnName("score");
        builder.Property(log => log.Confidence).HasColumnName("confidence");
        builder.Property(log => log.ModelProbability).HasColumnName("model_probability");
        builder.Property(log => log.RuleScore).HasColumnName("rule_score");
        builder.Property(log => log.ChallengerVersion).HasColumnName("challenger_version").HasMaxLength(128);
        builder.Property(log => log.ChallengerProbability).HasColumnName("challenger_probability");
        builder.Property(log => log.TriggeredRuleIds).HasColumnName("triggered_rule_ids").HasMaxLength(1024);
        builder.Property(log => log.NeedsReview).HasColumnName("needs_review");
        builder.Property(log => log.LineLength).HasColumnName("line_length");
        builder.Property(log => log.TokenCount).HasColumnName("token_count");
        builder.Property(log => log.OutOfVocabularyCount).HasColumnName("oov_token_count");
        builder.Property(log => log.Format).HasColumnName("format").HasMaxLength(16);
        builder.Property(log => log.Level).HasColumnName("level").HasMaxLength(16);
        builder.Property(log => log.InputSummary).HasColumnName("input_summary");
        builder.Property(log => log.RawLine).HasColumnName("raw_line");
        builder.HasIndex(log => log.Timestamp).HasDatabaseName("ix_prediction_logs_timestamp");
    }
}
