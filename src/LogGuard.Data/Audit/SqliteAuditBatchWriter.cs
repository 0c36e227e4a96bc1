using LogGuard.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LogGuard.Data.Audit;

/// <summary>
/// SQLite's fast path, as Microsoft.Data.Sqlite documents it for bulk inserts: one prepared command whose
/// parameters are reused for every row, inside one transaction. It skips EF's change tracker, which would cost
/// more than the inserts; the mapping still comes from the EF model.
/// </summary>
/// <remarks>
/// The connection and its prepared statements outlive a batch: the writer is the only caller, and under load it
/// commits hundreds of batches a second, each of which would otherwise open a connection and parse the same SQL.
/// After a failed batch they are thrown away, so the next batch starts on a fresh connection.
/// </remarks>
internal sealed class SqliteAuditBatchWriter : IAuditBatchWriter, IDisposable
{
    private SqliteAuditStatements? _statements;

    public Task WriteAsync(LogGuardDbContext db, IReadOnlyList<PredictionLog> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return Task.CompletedTask;
        }

        var statements = _statements ??= SqliteAuditStatements.Open(db.Database.GetConnectionString()!, AuditColumns.From(db.Model));
        try
        {
            // Synchronous on purpose: Microsoft.Data.Sqlite's async methods complete synchronously anyway.
            statements.Write(rows);
        }
        catch
        {
            _statements = null;
            statements.Dispose();
            throw;
        }

        return Task.CompletedTask;
    }

    public void Dispose() => _statements?.Dispose();
}
