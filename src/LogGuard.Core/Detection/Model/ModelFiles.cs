namespace LogGuard.Core.Detection.Model;

/// <summary>Where a model and its companions live in the models folder.</summary>
public static class ModelFiles
{
    public static string ModelPath(string directory, ModelKind kind) => Path.Combine(directory, $"logguard-{Name(kind)}.zip");

    public static string MetadataPath(string directory, ModelKind kind) => Path.Combine(directory, $"logguard-{Name(kind)}.json");

    /// <summary>The rules file shipped beside the models.</summary>
    public static string RulesPath(string directory) => Path.Combine(directory, "rules.json");

    /// <summary>The training vocabulary, one token a line; shared by both models, since they share the features.</summary>
    public static string VocabularyPath(string directory) => Path.Combine(directory, "vocabulary.txt");

    public static string Name(ModelKind kind) => kind switch
    {
        ModelKind.Sdca => "sdca",
        ModelKind.FastTree => "fasttree",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown model kind."),
    };
}
