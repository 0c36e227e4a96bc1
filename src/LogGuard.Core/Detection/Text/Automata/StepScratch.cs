namespace LogGuard.Core.Detection.Text.Automata;

/// <summary>The working memory of one <see cref="Nfa.Step"/>: reused from step to step, never shared between threads.</summary>
internal sealed class StepScratch(int instructionCount)
{
    // A generation number per instruction marks it seen in this step, so no step clears an array.
    private readonly int[] _visitedIn = new int[instructionCount];
    private readonly int[] _steppedIn = new int[instructionCount];
    private readonly Stack<int> _stack = new();
    private readonly List<int> _stepped = [];
    private int _generation;

    /// <summary>Where the automaton is after the character, in no particular order.</summary>
    public List<int> Stepped => _stepped;

    public void Begin()
    {
        if (++_generation == int.MaxValue)
        {
            Array.Clear(_visitedIn);
            Array.Clear(_steppedIn);
            _generation = 1;
        }

        _stack.Clear();
        _stepped.Clear();
    }

    public void Push(int instruction)
    {
        if (_visitedIn[instruction] != _generation)
        {
            _visitedIn[instruction] = _generation;
            _stack.Push(instruction);
        }
    }

    public bool TryPop(out int instruction) => _stack.TryPop(out instruction);

    public void AddStepped(int instruction)
    {
        if (_steppedIn[instruction] != _generation)
        {
            _steppedIn[instruction] = _generation;
            _stepped.Add(instruction);
        }
    }
}
