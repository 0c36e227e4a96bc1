using System.Threading.Channels;
using LogGuard.Data.Entities;
using Microsoft.Extensions.Options;

namespace LogGuard.Data.Audit;

/// <summary>
/// Where requests hand their rows to the single audit writer (group commit). A request's task completes
/// only when its rows are committed, so an id is never returned for a row that was not stored.
/// </summary>
public sealed class AuditQueue(IOptions<AuditOptions> options)
{
    private readonly Channel<PendingAudit> _channel = Channel.CreateUnbounded<PendingAudit>(new UnboundedChannelOptions { SingleReader = true });
    private readonly int _capacity = options.Value.QueueCapacityLines;
    private long _queuedLines;

    internal ChannelReader<PendingAudit> Reader => _channel.Reader;

    public long QueuedLines => Interlocked.Read(ref _queuedLines);

    /// <summary>Queues rows and waits until they are committed; returns their ids in order.</summary>
    /// <exception cref="AuditUnavailableException">The queue is full, the service is stopping, or the commit failed.</exception>
    public Task<long[]> WriteAsync(IReadOnlyList<PredictionLog> rows)
    {
        if (Interlocked.Add(ref _queuedLines, rows.Count) > _capacity)
        {
            Interlocked.Add(ref _queuedLines, -rows.Count);
            throw new AuditUnavailableException($"The audit queue is full ({_capacity} lines waiting).");
        }

        var pending = new PendingAudit(rows);
        if (!_channel.Writer.TryWrite(pending))
        {
            Interlocked.Add(ref _queuedLines, -rows.Count);
            throw new AuditUnavailableException("The service is shutting down and accepts no new lines.");
        }

        return pending.Completion;
    }

    internal void Dequeued(int lines) => Interlocked.Add(ref _queuedLines, -lines);

    /// <summary>Stops accepting rows; those already queued are still written.</summary>
    internal void Close() => _channel.Writer.TryComplete();
}
