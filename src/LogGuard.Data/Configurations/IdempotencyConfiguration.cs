using LogGuard.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LogGuard.Data.Configurations;

public sealed class IdempotencyConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.ToTable("idempotency_keys");
        builder.HasKey(record => record.Key);
        builder.Property(record => record.Key).HasColumnName("key").HasMaxLength(300);
        builder.Property(record => record.RequestHash).HasColumnName("request_hash").HasMaxLength(64);
        builder.Property(record => record.CreatedAt).HasColumnName("created_at");
        builder.Property(record => record.StatusCode).HasColumnName("status_code");
        builder.Property(record => record.ContentType).HasColumnName("content_type").HasMaxLength(200);
        builder.Property(record => record.ResponseBody).HasColumnName("response_body");
        builder.HasIndex(record => record.CreatedAt).HasDatabaseName("ix_idempotency_keys_created_at");
    }
}
