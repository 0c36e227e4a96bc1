namespace LogGuard.Core.Detection.Model;

/// <summary>How well the score cache is doing since start: a hit skipped the model, a miss ran it.</summary>
public sealed record ScoreCacheStatistics(int Slots, long Hits, long Misses)
{
    public double HitRate => Hits + Misses == 0 ? 0 : Math.Round((double)Hits / (Hits + Misses), 4);
}
