using LogGuard.Data.Entities;

namespace LogGuard.Data.Audit;

/// <summary>One request's rows, waiting for the writer; completes with their ids once committed.</summary>
internal sealed class PendingAudit(IReadOnlyList<PredictionLog> rows)
{
    private readonly TaskCompletionSource<long[]> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<PredictionLog> Rows { get; } = rows;

    public Task<long[]> Completion => _completion.Task;

    public void Committed() => _completion.TrySetResult([.. Rows.Select(row => row.Id)]);

    public void Failed(Exception exception) => _completion.TrySetException(exception);
}
