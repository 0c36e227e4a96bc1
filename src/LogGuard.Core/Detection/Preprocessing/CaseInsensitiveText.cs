using System.Buffers;

namespace LogGuard.Core.Detection.Preprocessing;

/// <summary>
/// A fixed text found in lines regardless of case. Under invariant globalization, <c>string.IndexOf</c>
/// ignoring case compares character by character; a single-text <see cref="SearchValues{T}"/> with the same
/// ordinal, case-insensitive comparison is vectorised.
/// </summary>
internal sealed class CaseInsensitiveText(string text)
{
    private readonly SearchValues<string> _finder = SearchValues.Create([text], StringComparison.OrdinalIgnoreCase);

    public int Length => text.Length;

    /// <summary>Where the text next occurs in <paramref name="line"/> at or after <paramref name="start"/>, or -1.</summary>
    public int IndexIn(string line, int start = 0)
    {
        var found = line.AsSpan(start).IndexOfAny(_finder);
        return found < 0 ? -1 : start + found;
    }
}
