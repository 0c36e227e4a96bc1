using LogGuard.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LogGuard.Data.Configurations;

public sealed class ModelPromotionConfiguration : IEntityTypeConfiguration<ModelPromotionRecord>
{
    public void Configure(EntityTypeBuilder<ModelPromotionRecord> builder)
    {
        builder.ToTable("model_promotions");
        builder.HasKey(promotion => promotion.Id);
        builder.Property(promotion => promotion.Id).HasColumnName("id");
        builder.Property(promotion => promotion.At).HasColumnName("at");
        builder.Property(promotion => promotion.CandidateVersion).HasColumnName("candidate_version").HasMaxLength(128);
        builder.Property(promotion => promotion.ActiveVersion).HasColumnName("active_version").HasMaxLength(128);
        builder.Property(promotion => promotion.Accepted).HasColumnName("accepted");
        builder.Property(promotion => promotion.Reason).HasColumnName("reason").HasMaxLength(2000);
        builder.Property(promotion => promotion.Figures).HasColumnName("figures");
        builder.HasIndex(promotion => new { promotion.Accepted, promotion.Id }).HasDatabaseName("ix_model_promotions_accepted");
    }
}
