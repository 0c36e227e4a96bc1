using LogGuard.Core.Monitoring.StateMachine;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LogGuard.Data.Configurations;

public sealed class SystemStateConfiguration : IEntityTypeConfiguration<SystemStateRecord>
{
    // A fixed instant, so the seed does not change, and a migration is not generated, on every build.
    private static readonly DateTime SeededAt = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public void Configure(EntityTypeBuilder<SystemStateRecord> builder)
    {
        builder.ToTable("system_state");
        builder.HasKey(state => state.Id);
        builder.Property(state => state.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(state => state.State).HasColumnName("state").HasMaxLength(16);
        builder.Property(state => state.Since).HasColumnName("since");
        builder.Property(state => state.Reason).HasColumnName("reason").HasMaxLength(2048);
        builder.Property(state => state.Memory).HasColumnName("memory").HasDefaultValue("");
        builder.Property(state => state.LastWindowEnd).HasColumnName("last_window_end");
        builder.Property(state => state.OpenIncidentId).HasColumnName("open_incident_id");
        builder.HasData(SystemStateRecord.Initial(SeededAt));
    }
}
