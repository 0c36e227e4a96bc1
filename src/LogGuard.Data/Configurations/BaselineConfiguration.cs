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
