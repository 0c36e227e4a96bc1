namespace LogGuard.Core.Detection.Model;

/// <summary>The trained models the service can serve.</summary>
public enum ModelKind
{
    /// <summary>TF-IDF features with SDCA logistic regression: the default.</summary>
    Sdca,

    /// <summary>The same features with a FastTree boosted-tree classifier: the challenger.</summary>
    FastTree,
}
