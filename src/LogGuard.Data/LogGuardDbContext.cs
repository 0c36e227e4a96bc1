using LogGuard.Core.Monitoring;
using LogGuard.Core.Monitoring.StateMachine;
using LogGuard.Data.Configurations;
using LogGuard.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LogGuard.Data;

public sealed class LogGuardDbContext(DbContextOptions<LogGuardDbContext> options) : DbContext(options)
{
    public DbSet<PredictionLog> PredictionLogs => Set<PredictionLog>();

    public DbSet<SystemStateRecord> SystemState => Set<SystemStateRecord>();

    public DbSet<RejectionCount> RejectionCounts => Set<RejectionCount>();

    public DbSet<BaselineRecord> Baselines => Set<BaselineRecord>();

    public DbSet<WindowMetricsRecord> WindowMetrics => Set<WindowMetricsRecord>();

    public DbSet<StateTransitionRecord> StateTransitions => Set<StateTransitionRecord>();

    public DbSet<IncidentRecord> Incidents => Set<IncidentRecord>();

    public DbSet<IncidentExplanationRecord> IncidentExplanations => Set<IncidentExplanationRecord>();

    public DbSet<FeedbackRecord> Feedback => Set<FeedbackRecord>();

    public DbSet<ModelPromotionRecord> ModelPromotions => Set<ModelPromotionRecord>();

    public DbSet<IdempotencyRecord> IdempotencyKeys => Set<IdempotencyRecord>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every instant is stored and read back as UTC, whatever the provider keeps of the kind.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();

        // States are stored by their names (NORMAL, WARNING, DEGRADED), as the API reports them.
        configurationBuilder.Properties<SystemState>().HaveConversion<SystemStateConverter>().HaveMaxLength(16);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new PredictionLogConfiguration());
        modelBuilder.ApplyConfiguration(new SystemStateConfiguration());
        modelBuilder.ApplyConfiguration(new RejectionCountConfiguration());
        modelBuilder.ApplyConfiguration(new BaselineConfiguration());
        modelBuilder.ApplyConfiguration(new WindowMetricsConfiguration());
        modelBuilder.ApplyConfiguration(new StateTransitionConfiguration());
        modelBuilder.ApplyConfiguration(new IncidentConfiguration());
        modelBuilder.ApplyConfiguration(new IncidentExplanationConfiguration());
        modelBuilder.ApplyConfiguration(new FeedbackConfiguration());
        modelBuilder.ApplyConfiguration(new ModelPromotionConfiguration());
        modelBuilder.ApplyConfiguration(new IdempotencyConfiguration());

        if (Database.IsNpgsql())
        {
            // PostgreSQL can check and query the summary as JSON; SQLite keeps it as text.
            modelBuilder.Entity<PredictionLog>().Property(log => log.InputSummary).HasColumnType("jsonb");
        }
    }
}
