using System.Buffers;

namespace LogGuard.Core.Detection.Preprocessing;

/// <summary>The space-separated words of a model text that hold a letter or a digit (punctuation alone is not a word).</summary>
public ref struct TokenEnumerator(ReadOnlySpan<char> text)
{
    private static readonly SearchValues<char> AsciiLettersAndDigits =
        SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    private ReadOnlySpan<char> _rest = text;

    public ReadOnlySpan<char> Current { get; private set; }

    public readonly TokenEnumerator GetEnumerator() => this;

    public bool MoveNext()
    {
        while (!_rest.IsEmpty)
        {
            var space = _rest.IndexOf(' ');
            var token = space < 0 ? _rest : _rest[..space];
            _rest = space < 0 ? [] : _rest[(space + 1)..];
            if (token.ContainsAny(AsciiLettersAndDigits))
            {
                Current = token;
                return true;
            }
        }

        return false;
    }
}
