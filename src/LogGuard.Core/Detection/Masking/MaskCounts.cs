namespace LogGuard.Core.Detection.Masking;

/// <summary>How many of each kind were masked in one line; allocates only when something was.</summary>
internal sealed class MaskCounts
{
    private static readonly IReadOnlyDictionary<string, int> None = new Dictionary<string, int>();
    private Dictionary<string, int>? _counts;

    public void Add(string kind)
    {
        _counts ??= new Dictionary<string, int>(StringComparer.Ordinal);
        _counts[kind] = _counts.GetValueOrDefault(kind) + 1;
    }

    public IReadOnlyDictionary<string, int> ToDictionary() => _counts ?? None;
}
