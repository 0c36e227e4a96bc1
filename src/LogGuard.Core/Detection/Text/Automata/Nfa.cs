namespace LogGuard.Core.Detection.Text.Automata;

/// <summary>
/// A pattern compiled to a Thompson automaton: character steps, splits and anchors. Its alphabet is the
/// pattern's own: input characters that no set, anchor or word boundary tells apart share one class.
/// </summary>
internal sealed class Nfa
{
    // Counted repeats are written out (x{0,80} is eighty optional copies); past this the engine keeps the pattern.
    private const int MaxInstructions = 20_000;

    private readonly List<Instruction> _instructions = [];
    private readonly byte[] _asciiClasses = new byte[128];
    private readonly bool _ignoreCase;

    private Nfa(PatternNode root, bool ignoreCase)
    {
        _ignoreCase = ignoreCase;
        var match = Add(new Instruction(InstructionKind.Match, default, default, 0, 0));
        Start = Emit(root, match);
        HasEndAnchor = _instructions.Exists(instruction => instruction is { Kind: InstructionKind.Anchor, Anchor: Anchor.End });
        (ClassCount, ClassRepresentatives, OtherWordClass, OtherNonWordClass) = BuildAlphabet();
    }

    public int Start { get; }

    public bool IgnoresCase => _ignoreCase;

    public int InstructionCount => _instructions.Count;

    public bool HasEndAnchor { get; }

    public int ClassCount { get; }

    /// <summary>One symbol of each class: a class's members all behave as this one does.</summary>
    private int[] ClassRepresentatives { get; }

    private int OtherWordClass { get; }

    private int OtherNonWordClass { get; }

    public static Nfa Compile(PatternNode root, bool ignoreCase) => new(root, ignoreCase);

    /// <summary>The class of each ASCII character (what <see cref="Classify"/> gives for it, read directly on the hot path).</summary>
    public ReadOnlySpan<byte> AsciiClasses => _asciiClasses;

    public int Classify(char character)
    {
        var asAscii = _ignoreCase ? RegexCharacterRules.FoldToAscii(character) : character;
        if (char.IsAscii(asAscii))
        {
            return _asciiClasses[asAscii];
        }

        return RegexCharacterRules.IsWordCharacter(character) ? OtherWordClass : OtherNonWordClass;
    }

    public bool IsWordClass(int characterClass) => IsWordSymbol(ClassRepresentatives[characterClass]);

    /// <summary>
    /// Follows the splits and anchors from <paramref name="pending"/> before the next character, then steps over it.
    /// </summary>
    /// <param name="next">The class of the next character, or -1 at the end of the input.</param>
    /// <param name="beforeFinalLineFeed">Whether the next character is a line feed that ends the input, where <c>$</c> holds too.</param>
    /// <returns>Whether a match ends here, before the next character; <see cref="StepScratch.Stepped"/> holds where the automaton is after it.</returns>
    public bool Step(ReadOnlySpan<int> pending, StateFlags flags, int next, bool beforeFinalLineFeed, StepScratch scratch)
    {
        scratch.Begin();
        var matched = false;
        var previousIsWord = flags.HasFlag(StateFlags.PreviousIsWord);
        var nextIsWord = next >= 0 && IsWordClass(next);
        var nextSymbol = next >= 0 ? ClassRepresentatives[next] : -1;
        foreach (var instruction in pending)
        {
            scratch.Push(instruction);
        }

        while (scratch.TryPop(out var index))
        {
            var instruction = _instructions[index];
            switch (instruction.Kind)
            {
                case InstructionKind.Match:
                    matched = true;
                    break;
                case InstructionKind.Split:
                    scratch.Push(instruction.Next);
                    scratch.Push(instruction.Alternative);
                    break;
                case InstructionKind.Anchor when Holds(instruction.Anchor, flags, previousIsWord, nextIsWord, next < 0 || beforeFinalLineFeed):
                    scratch.Push(instruction.Next);
                    break;
                case InstructionKind.Symbol when nextSymbol >= 0 && instruction.Set.Contains(nextSymbol):
                    scratch.AddStepped(instruction.Next);
                    break;
            }
        }

        return matched;
    }

    /// <summary>Whether every match must begin at the start of the input (each branch opens with <c>^</c>).</summary>
    public bool IsAnchoredAtStart() => Frontier(throughStartAnchors: false).Count == 0;

    /// <summary>
    /// The characters a match can begin with, or null when a match can be empty: from the start, every other
    /// character leaves the automaton expecting only the start again, so a search may skip it.
    /// </summary>
    public SymbolSet? FirstSymbols()
    {
        var first = SymbolSet.Empty;
        foreach (var instruction in Frontier(throughStartAnchors: true))
        {
            if (instruction.Kind == InstructionKind.Match)
            {
                return null;
            }

            first = first.Union(instruction.Set);
        }

        return first;
    }

    // The character steps and matches reachable from the start without reading a character, assuming every
    // anchor on the way may hold (or, for ^, only if asked to).
    private List<Instruction> Frontier(bool throughStartAnchors)
    {
        var frontier = new List<Instruction>();
        var seen = new HashSet<int>();
        var stack = new Stack<int>([Start]);
        while (stack.TryPop(out var index))
        {
            if (!seen.Add(index))
            {
                continue;
            }

            var instruction = _instructions[index];
            switch (instruction.Kind)
            {
                case InstructionKind.Match or InstructionKind.Symbol:
                    frontier.Add(instruction);
                    break;
                case InstructionKind.Split:
                    stack.Push(instruction.Next);
                    stack.Push(instruction.Alternative);
                    break;
                case InstructionKind.Anchor when throughStartAnchors || instruction.Anchor != Anchor.Start:
                    stack.Push(instruction.Next);
                    break;
            }
        }

        return frontier;
    }

    private static bool Holds(Anchor anchor, StateFlags flags, bool previousIsWord, bool nextIsWord, bool atEnd) => anchor switch
    {
        Anchor.Start => flags.HasFlag(StateFlags.AtStart),
        Anchor.End => atEnd,
        Anchor.WordBoundary => previousIsWord != nextIsWord,
        _ => previousIsWord == nextIsWord,
    };

    private int Emit(PatternNode node, int next) => node switch
    {
        SymbolNode symbol => Add(new Instruction(InstructionKind.Symbol, symbol.Set, default, next, 0)),
        AnchorNode anchor => Add(new Instruction(InstructionKind.Anchor, default, anchor.Kind, next, 0)),
        SequenceNode sequence => EmitSequence(sequence.Parts, next),
        ChoiceNode choice => EmitChoice(choice.Branches, next),
        RepeatNode repeat => EmitRepeat(repeat, next),
        _ => throw new UnsupportedPatternException(),
    };

    private int EmitSequence(IReadOnlyList<PatternNode> parts, int next)
    {
        for (var part = parts.Count - 1; part >= 0; part--)
        {
            next = Emit(parts[part], next);
        }

        return next;
    }

    private int EmitChoice(IReadOnlyList<PatternNode> branches, int next)
    {
        var entry = Emit(branches[^1], next);
        for (var branch = branches.Count - 2; branch >= 0; branch--)
        {
            entry = Split(Emit(branches[branch], next), entry);
        }

        return entry;
    }

    private int EmitRepeat(RepeatNode repeat, int next)
    {
        int tail;
        if (repeat.Max is not { } max)
        {
            // The loop's split needs the body's entry, and the body ends back at the split.
            tail = Add(default);
            _instructions[tail] = new Instruction(InstructionKind.Split, default, default, Emit(repeat.Body, tail), next);
        }
        else
        {
            tail = next;
            for (var optional = 0; optional < max - repeat.Min; optional++)
            {
                tail = Split(Emit(repeat.Body, tail), next);
            }
        }

        for (var required = 0; required < repeat.Min; required++)
        {
            tail = Emit(repeat.Body, tail);
        }

        return tail;
    }

    private int Split(int first, int second) => Add(new Instruction(InstructionKind.Split, default, default, first, second));

    private int Add(Instruction instruction)
    {
        if (_instructions.Count >= MaxInstructions)
        {
            throw new UnsupportedPatternException();
        }

        _instructions.Add(instruction);
        return _instructions.Count - 1;
    }

    // Symbols fall into one class when every set of the pattern agrees on them, and so does \b (and $, for the
    // line feed). Real patterns need a few dozen classes out of the 130 symbols.
    private (int Count, int[] Representatives, int OtherWord, int OtherNonWord) BuildAlphabet()
    {
        var sets = _instructions.Where(instruction => instruction.Kind == InstructionKind.Symbol).Select(instruction => instruction.Set).Distinct().ToArray();
        var classOfSignature = new Dictionary<string, int>(StringComparer.Ordinal);
        var representatives = new List<int>();
        var classes = new int[SymbolSet.SymbolCount];
        for (var symbol = 0; symbol < SymbolSet.SymbolCount; symbol++)
        {
            var signature = string.Concat(sets.Select(set => set.Contains(symbol) ? '1' : '0'))
                + (IsWordSymbol(symbol) ? 'w' : '-')
                + (HasEndAnchor && symbol == '\n' ? 'n' : '-');
            if (!classOfSignature.TryGetValue(signature, out var characterClass))
            {
                characterClass = representatives.Count;
                classOfSignature.Add(signature, characterClass);
                representatives.Add(symbol);
            }

            classes[symbol] = characterClass;
        }

        for (var ascii = 0; ascii < 128; ascii++)
        {
            _asciiClasses[ascii] = (byte)classes[ascii];
        }

        return (representatives.Count, [.. representatives], classes[SymbolSet.OtherWordSymbol], classes[SymbolSet.OtherNonWordSymbol]);
    }

    private static bool IsWordSymbol(int symbol) => symbol switch
    {
        SymbolSet.OtherWordSymbol => true,
        SymbolSet.OtherNonWordSymbol => false,
        _ => RegexCharacterRules.IsWordCharacter((char)symbol),
    };

    private enum InstructionKind : byte
    {
        Match,
        Symbol,
        Split,
        Anchor,
    }

    private readonly record struct Instruction(InstructionKind Kind, SymbolSet Set, Anchor Anchor, int Next, int Alternative);
}

[Flags]
internal enum StateFlags
{
    None = 0,

    /// <summary>The character before the current position is a word character (for <c>\b</c>).</summary>
    PreviousIsWord = 1,

    /// <summary>The current position is the start of the input (for <c>^</c>).</summary>
    AtStart = 2,
}
