namespace LogGuard.Core.Detection.Text;

/// <summary>
/// One string a phrase pattern matches, and the offsets within it where the pattern asks for a word
/// boundary (<c>\b</c>): 0 for one before the first character, <c>Text.Length</c> for one after the last.
/// </summary>
internal sealed record Phrase(string Text, int[] Boundaries)
{
    public static Phrase Empty { get; } = new(string.Empty, []);

    public static Phrase Boundary { get; } = new(string.Empty, [0]);

    public Phrase Then(Phrase next) =>
        new(Text + next.Text, [.. Boundaries, .. next.Boundaries.Select(offset => offset + Text.Length)]);

    public bool SameAs(Phrase other) => Text == other.Text && Boundaries.SequenceEqual(other.Boundaries);
}
