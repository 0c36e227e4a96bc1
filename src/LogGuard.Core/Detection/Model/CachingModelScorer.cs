namespace LogGuard.Core.Detection.Model;

/// <summary>
/// Remembers the probabilities of recently scored model texts. Log traffic repeats itself: once numbers,
/// addresses and hex ids are collapsed (see <see cref="Preprocessing.ModelText"/>), most lines are one of a few
/// thousand texts, and the model gives the same text the same probability every time. So a hit returns
/// exactly what the model would have said, without running its featurisation again.
/// </summary>
/// <remarks>
/// Direct-mapped and lock-free: each text has one slot, chosen by its hash; a newer text evicts an older one
/// in the same slot. An entry is immutable and published with a single reference write, so readers on any
/// thread see either the old entry or the new one, never half of each.
/// </remarks>
public sealed class CachingModelScorer : IModelScorer
{
    private readonly IModelScorer _inner;
    private readonly Entry?[] _slots;
    private readonly int _mask;
    private long _hits;
    private long _misses;

    /// <param name="capacity">Slots; rounded up to a power of two.</param>
    public CachingModelScorer(IModelScorer inner, int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _inner = inner;
        _slots = new Entry?[(int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)capacity)];
        _mask = _slots.Length - 1;
    }

    public bool IsAvailable => _inner.IsAvailable;

    public string? UnavailableReason => _inner.UnavailableReason;

    public ModelMetadata? Metadata => _inner.Metadata;

    public string Version => _inner.Version;

    public ScoreCacheStatistics Statistics => new(_slots.Length, Interlocked.Read(ref _hits), Interlocked.Read(ref _misses));

    // The counts depend on the text alone, like the probability, so a scored text's entry answers them too.
    public IReadOnlyList<ModelEvidence> Explain(string modelText, int count) => _inner.Explain(modelText, count);

    public (int Tokens, int OutOfVocabulary) CountTokens(string modelText)
    {
        var entry = Volatile.Read(ref _slots[SlotOf(modelText)]);
        return entry is not null && string.Equals(entry.Text, modelText, StringComparison.Ordinal)
            ? (entry.Tokens, entry.OutOfVocabulary)
            : _inner.CountTokens(modelText);
    }

    public void Score(IReadOnlyList<string> modelTexts, Span<float> probabilities)
    {
        // Each text the cache lacks is scored once, however often the batch repeats it.
        Dictionary<string, int>? missed = null;
        List<(int Line, int Miss)>? repeats = null;
        for (var i = 0; i < modelTexts.Count; i++)
        {
            var text = modelTexts[i];
            var entry = Volatile.Read(ref _slots[SlotOf(text)]);
            if (entry is not null && string.Equals(entry.Text, text, StringComparison.Ordinal))
            {
                probabilities[i] = entry.Probability;
            }
            else if ((missed ??= new Dictionary<string, int>(StringComparer.Ordinal)).TryGetValue(text, out var miss))
            {
                (repeats ??= []).Add((i, miss));
            }
            else
            {
                missed.Add(text, i);
            }
        }

        var missCount = missed?.Count ?? 0;
        Interlocked.Add(ref _hits, modelTexts.Count - missCount);
        if (missed is null)
        {
            return;
        }

        Interlocked.Add(ref _misses, missCount);
        var texts = new string[missCount];
        var lines = new int[missCount];
        var j = 0;
        foreach (var (text, line) in missed)
        {
            texts[j] = text;
            lines[j++] = line;
        }

        var scored = missCount <= 256 ? stackalloc float[missCount] : new float[missCount];
        _inner.Score(texts, scored);
        for (j = 0; j < missCount; j++)
        {
            probabilities[lines[j]] = scored[j];
            var (tokens, outOfVocabulary) = _inner.CountTokens(texts[j]);
            Volatile.Write(ref _slots[SlotOf(texts[j])], new Entry(texts[j], scored[j], tokens, outOfVocabulary));
        }

        foreach (var (line, firstLine) in repeats ?? [])
        {
            probabilities[line] = probabilities[firstLine];
        }
    }

    private int SlotOf(string text) => string.GetHashCode(text, StringComparison.Ordinal) & _mask;

    private sealed record Entry(string Text, float Probability, int Tokens, int OutOfVocabulary);
}
