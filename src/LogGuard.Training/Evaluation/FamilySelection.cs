namespace LogGuard.Training.Evaluation;

/// <summary>Which families a never-seen run covers: all of them, or those named (a trailing '/' or '-' names a prefix).</summary>
public sealed class FamilySelection
{
    private readonly string[] _names;

    private FamilySelection(string[] names) => _names = names;

    public bool IsAll => _names.Length == 0;

    public static FamilySelection Parse(string? list) =>
        new(list?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? []);

    public bool Includes(string family) => IsAll || _names.Any(name =>
        name.EndsWith('/') || name.EndsWith('-')
            ? family.StartsWith(name, StringComparison.Ordinal)
            : family.Equals(name, StringComparison.Ordinal));
}
