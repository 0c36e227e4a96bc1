using LogGuard.Data.Entities;

namespace LogGuard.Data.Audit;

/// <summary>
/// Stores one batch of audit rows in one transaction through the database provider's own fast path, and sets
/// each row's id: every row is stored, or none is.
/// </summary>
public interface IAuditBatchWriter
{
    Task WriteAsync(LogGuardDbContext db, IReadOnlyList<PredictionLog> rows, CancellationToken cancellationToken);
}
