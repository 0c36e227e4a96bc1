using System.Threading.Channels;
using LogGuard.Core.Monitoring.Explanations;

namespace LogGuard.Api.Monitoring;

/// <summary>
/// Incidents waiting for their plain-English explanation. The monitor only adds to it, after its decision is
/// committed, and never waits: a full queue drops the newest request (the incident and the state are stored).
/// </summary>
public sealed partial class IncidentExplanationQueue(ILogger<IncidentExplanationQueue> logger)
{
    // Incidents are rare (a handful a day at most); the bound only keeps a broken explainer from holding memory.
    private const int Capacity = 64;

    private readonly Channel<IncidentEvidence> _pending = Channel.CreateBounded<IncidentEvidence>(
        new BoundedChannelOptions(Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    public ChannelReader<IncidentEvidence> Reader => _pending.Reader;

    public void Enqueue(IncidentEvidence evidence)
    {
        if (!_pending.Writer.TryWrite(evidence))
        {
            LogDropped(logger, evidence.IncidentId);
        }
    }

    /// <summary>No more requests: the worker explains what is queued, then stops.</summary>
    public void Complete() => _pending.Writer.TryComplete();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Incident {IncidentId} will not be explained: the explanation queue is full or closed")]
    private static partial void LogDropped(ILogger logger, long incidentId);
}
