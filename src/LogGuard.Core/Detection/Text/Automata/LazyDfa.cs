using System.Buffers;
using System.Runtime.InteropServices;

namespace LogGuard.Core.Detection.Text.Automata;

/// <summary>
/// Answers whether a pattern matches anywhere in a line, in time linear in the line: the automaton's states are
/// sets of <see cref="Nfa"/> positions, built the first time a line leads to them and then looked up, one table
/// read per character.
/// </summary>
/// <remarks>
/// A state is what the automaton still expects, plus what the last character was (for <c>\b</c>) and whether
/// any was read (for <c>^</c>); every state also expects the pattern's start, which makes the search unanchored.
/// The table is shared by all threads: reads take no lock, and only new states and transitions are added under
/// one. Its size is bounded: past <see cref="MaxStates"/> states a line is finished by stepping the automaton
/// directly, slower but still linear, so no input can make the table grow without limit.
/// </remarks>
internal sealed class LazyDfa
{
    private const int MaxStates = 2048;
    private const int Unknown = 0;
    private const int Matched = -1;
    private const int Full = -2;

    // The three idle states expect only the pattern's start: at the start of the input, after a non-word
    // character, after a word character. They are made first, so their ids are known.
    private const int InitialState = 1;
    private const int IdleAfterNonWord = 2;
    private const int IdleAfterWord = 3;
    private const int MinSearchesJudged = 4;
    private const int MinMeanSkip = 8;

    private readonly Nfa _nfa;
    private readonly int _classCount;
    private readonly object _gate = new();
    private readonly Dictionary<StateKey, int> _stateIds = [];
    private readonly List<StateKey> _states = [default]; // state 0 is the "unknown" marker
    private readonly StepScratch _scratch;
    private readonly SearchValues<char>? _firstCharacters;
    private readonly bool _anchoredAtStart;
    private int[] _transitions;
    private sbyte[] _acceptsAtEnd;

    private LazyDfa(Nfa nfa)
    {
        _nfa = nfa;
        _classCount = nfa.ClassCount;
        _scratch = new StepScratch(nfa.InstructionCount);
        _transitions = new int[16 * _classCount];
        _acceptsAtEnd = new sbyte[16];
        Intern(new StateKey([nfa.Start], StateFlags.AtStart));
        Intern(new StateKey([nfa.Start], StateFlags.None));
        Intern(new StateKey([nfa.Start], StateFlags.PreviousIsWord));
        _firstCharacters = FirstCharacters(nfa);
        _anchoredAtStart = nfa.IsAnchoredAtStart();
    }

    /// <summary>The automaton for <paramref name="pattern"/>, or null when it uses syntax <see cref="PatternParser"/> does not read.</summary>
    public static LazyDfa? TryCreate(string pattern, bool ignoreCase)
    {
        try
        {
            return new LazyDfa(Nfa.Compile(PatternParser.Parse(pattern, ignoreCase), ignoreCase));
        }
        catch (UnsupportedPatternException)
        {
            return null;
        }
    }

    /// <summary>States built so far (for tests and diagnostics).</summary>
    public int StateCount
    {
        get
        {
            lock (_gate)
            {
                return _states.Count - 1;
            }
        }
    }

    public bool IsMatch(ReadOnlySpan<char> input)
    {
        var state = InitialState;
        var last = input.Length - 1;

        // $ holds before a final line feed too, so a search never skips that one.
        var skipLimit = _nfa.HasEndAnchor && last >= 0 && input[last] == '\n' ? last : input.Length;
        var searches = 0;
        var skipped = 0;
        var asciiClasses = _nfa.AsciiClasses;
        var transitions = Volatile.Read(ref _transitions);
        for (var index = 0; index <= last; index++)
        {
            if (_anchoredAtStart && state is IdleAfterNonWord or IdleAfterWord)
            {
                return false; // past the start, expecting only a start that must be the input's
            }

            if (state <= IdleAfterWord && _firstCharacters is not null && index < skipLimit && SearchStillPays(searches, skipped))
            {
                var skip = input[index..skipLimit].IndexOfAny(_firstCharacters);
                searches++;
                if (skip != 0)
                {
                    skipped += skip < 0 ? skipLimit - index : skip;
                    index = skip < 0 ? skipLimit : index + skip;
                    if (index == input.Length)
                    {
                        return false; // no match can be empty, and none can begin
                    }

                    state = RegexCharacterRules.IsWordCharacter(input[index - 1]) ? IdleAfterWord : IdleAfterNonWord;
                }
            }

            var character = input[index];
            if (index == last && character == '\n' && _nfa.HasEndAnchor)
            {
                return Simulate(state, input[index..]); // $ also holds before a final line feed
            }

            var characterClass = character < 128 ? asciiClasses[character] : _nfa.Classify(character);
            var slot = (state * _classCount) + characterClass;
            var next = slot < transitions.Length ? transitions[slot] : Unknown;
            if (next <= 0)
            {
                if (next == Unknown)
                {
                    next = AddTransition(state, characterClass);
                    transitions = Volatile.Read(ref _transitions);
                }

                if (next == Matched)
                {
                    return true;
                }

                if (next == Full)
                {
                    return Simulate(state, input[index..]);
                }
            }

            state = next;
        }

        return AcceptsAtEnd(state);
    }

    // Worth searching for only when they are ASCII: a pattern that can begin with any non-ASCII character
    // (after . or a negated class) can begin almost anywhere.
    private static SearchValues<char>? FirstCharacters(Nfa nfa)
    {
        if (nfa.FirstSymbols() is not { OtherWord: false, OtherNonWord: false } first)
        {
            return null;
        }

        var characters = Enumerable.Range(0, 128).Where(first.Contains).Select(symbol => (char)symbol).ToList();
        if (nfa.IgnoresCase && first.Contains('k'))
        {
            characters.Add('\u212A'); // the Kelvin sign reads as k
        }

        return SearchValues.Create(CollectionsMarshal.AsSpan(characters));
    }

    // A vectorised search costs a few table reads: when a line keeps stopping it after a few characters (a pattern
    // that can begin with a letter or a dot, on text full of them), the rest of that line is stepped instead.
    private static bool SearchStillPays(int searches, int skipped) => searches < MinSearchesJudged || skipped >= searches * MinMeanSkip;

    private int AddTransition(int state, int characterClass)
    {
        lock (_gate)
        {
            var slot = (state * _classCount) + characterClass;
            if (_transitions[slot] != Unknown)
            {
                return _transitions[slot];
            }

            var from = _states[state];
            if (_nfa.Step(from.Pending, from.Flags, characterClass, beforeFinalLineFeed: false, _scratch))
            {
                return _transitions[slot] = Matched;
            }

            var flags = _nfa.IsWordClass(characterClass) ? StateFlags.PreviousIsWord : StateFlags.None;
            var to = Intern(new StateKey(Unanchored(_scratch), flags));
            if (to != Full)
            {
                _transitions[slot] = to;
            }

            return to;
        }
    }

    private bool AcceptsAtEnd(int state)
    {
        var table = Volatile.Read(ref _acceptsAtEnd);
        var known = state < table.Length ? table[state] : 0;
        if (known != 0)
        {
            return known > 0;
        }

        lock (_gate)
        {
            var from = _states[state];
            var accepts = _nfa.Step(from.Pending, from.Flags, next: -1, beforeFinalLineFeed: false, _scratch);
            _acceptsAtEnd[state] = accepts ? (sbyte)1 : (sbyte)-1;
            return accepts;
        }
    }

    // Must be called under the gate.
    private int Intern(StateKey key)
    {
        if (_stateIds.TryGetValue(key, out var existing))
        {
            return existing;
        }

        if (_states.Count > MaxStates)
        {
            return Full;
        }

        var id = _states.Count;
        _states.Add(key);
        _stateIds.Add(key, id);
        if ((id + 1) * _classCount > _transitions.Length)
        {
            // Readers may still hold the old table; what they miss there they ask for again under the gate.
            var grown = new int[_transitions.Length * 2];
            _transitions.CopyTo(grown, 0);
            Volatile.Write(ref _transitions, grown);
            var accepts = new sbyte[_acceptsAtEnd.Length * 2];
            _acceptsAtEnd.CopyTo(accepts, 0);
            Volatile.Write(ref _acceptsAtEnd, accepts);
        }

        return id;
    }

    // Steps the automaton character by character from a known state, with working memory of its own: the path
    // for the rare line that meets a full table or ends in a line feed after a pattern with $.
    private bool Simulate(int state, ReadOnlySpan<char> rest)
    {
        StateKey current;
        lock (_gate)
        {
            current = _states[state];
        }

        var scratch = new StepScratch(_nfa.InstructionCount);
        for (var index = 0; index < rest.Length; index++)
        {
            var characterClass = _nfa.Classify(rest[index]);
            var beforeFinalLineFeed = index == rest.Length - 1 && rest[index] == '\n';
            if (_nfa.Step(current.Pending, current.Flags, characterClass, beforeFinalLineFeed, scratch))
            {
                return true;
            }

            current = new StateKey(Unanchored(scratch), _nfa.IsWordClass(characterClass) ? StateFlags.PreviousIsWord : StateFlags.None);
        }

        return _nfa.Step(current.Pending, current.Flags, next: -1, beforeFinalLineFeed: false, scratch);
    }

    private int[] Unanchored(StepScratch scratch)
    {
        scratch.AddStepped(_nfa.Start);
        var pending = scratch.Stepped.ToArray();
        Array.Sort(pending);
        return pending;
    }

    private readonly record struct StateKey(int[] Pending, StateFlags Flags)
    {
        public bool Equals(StateKey other) => Flags == other.Flags && Pending.AsSpan().SequenceEqual(other.Pending);

        public override int GetHashCode()
        {
            var hash = new HashCode();
            hash.Add(Flags);
            hash.AddBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(Pending.AsSpan()));
            return hash.ToHashCode();
        }
    }
}
