using LogGuard.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LogGuard.Data.Configurations;

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
