namespace LogGuard.Core.Detection.Model;

/// <summary>
/// The model being served, which a promotion replaces without a restart. A request reads <see cref="Current"/>
/// once and scores all its lines with that model, so a swap never mixes two models in one answer and requests
/// in flight finish on the model they started with.
/// </summary>
public sealed class ActiveModel(IModelScorer initial)
{
    private IModelScorer _current = initial;

    public IModelScorer Current => Volatile.Read(ref _current);

    /// <returns>The model it replaced.</returns>
    public IModelScorer Swap(IModelScorer next) => Interlocked.Exchange(ref _current, next);
}
