namespace LogGuard.Core.Detection.Text.Automata;

/// <summary>The syntax tree of a pattern the automaton runs: what matches, not how the engine would search.</summary>
internal abstract record PatternNode;

/// <summary>One character from a set.</summary>
internal sealed record SymbolNode(SymbolSet Set) : PatternNode;

/// <summary>Its parts one after another; no parts matches the empty string.</summary>
internal sealed record SequenceNode(IReadOnlyList<PatternNode> Parts) : PatternNode;

/// <summary>Any one of its branches.</summary>
internal sealed record ChoiceNode(IReadOnlyList<PatternNode> Branches) : PatternNode;

/// <summary>Its body <see cref="Min"/> to <see cref="Max"/> times; a null maximum is unbounded.</summary>
internal sealed record RepeatNode(PatternNode Body, int Min, int? Max) : PatternNode;

/// <summary>A position the surrounding characters must satisfy, matching no character itself.</summary>
internal sealed record AnchorNode(Anchor Kind) : PatternNode;

internal enum Anchor
{
    /// <summary><c>^</c> without the multiline option: the start of the input.</summary>
    Start,

    /// <summary><c>$</c> without the multiline option: the end of the input, or before a final line feed.</summary>
    End,

    /// <summary><c>\b</c>: a word character on exactly one side.</summary>
    WordBoundary,

    /// <summary><c>\B</c>: word characters on both sides or on neither.</summary>
    NotWordBoundary,
}
