namespace LogGuard.Core.Detection.Preprocessing;

/// <summary>
/// Writes model text into a caller's buffer with runs of spaces collapsed to one and no space at either end,
/// so the text is built in one pass and one final string.
/// </summary>
internal ref struct CollapsingWriter(Span<char> buffer)
{
    private readonly Span<char> _buffer = buffer;
    private int _length;

    public void Append(char c)
    {
        if (c == ' ' && (_length == 0 || _buffer[_length - 1] == ' '))
        {
            return;
        }

        _buffer[_length++] = c;
    }

    public void Append(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            Append(c);
        }
    }

    public override readonly string ToString()
    {
        var length = _length > 0 && _buffer[_length - 1] == ' ' ? _length - 1 : _length;
        return new string(_buffer[..length]);
    }
}
