using LogGuard.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LogGuard.Data.Configurations;

public sealed class RejectionCountConfiguration : IEntityTypeConfiguration<RejectionCount>
{
    public void Configure(EntityTypeBuilder<RejectionCount> builder)
    {
        builder.ToTable("request_rejections");
        builder.HasKey(count => count.Id);
        builder.Property(count => count.Id).HasColumnName("id");
        builder.Property(count => count.BucketStart).HasColumnName("bucket_start");
        builder.Property(count => count.Reason).HasColumnName("reason").HasMaxLength(64);
        builder.Property(count => count.Count).HasColumnName("count");
        builder.HasIndex(count => new { count.BucketStart, count.Reason }).IsUnique().HasDatabaseName("ux_request_rejections_bucket_reason");
    }
}
