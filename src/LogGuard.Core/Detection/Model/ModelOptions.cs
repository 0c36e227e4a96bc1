using System.ComponentModel.DataAnnotations;

namespace LogGuard.Core.Detection.Model;

/// <summary>Which model to serve (section <c>Model</c>).</summary>
public sealed class ModelOptions
{
    public const string SectionName = "Model";

    /// <summary>The folder holding the model files; relative paths are resolved from the content root.</summary>
    [Required]
    public string Directory { get; set; } = "models";

    /// <summary>Which model to serve when the folder has no <c>registry.json</c>; with one, its active model is served.</summary>
    public ModelKind Kind { get; set; } = ModelKind.Sdca;

    /// <summary>
    /// How far below its recorded golden-set accuracy a model may fall before the canary calls it broken: refused
    /// at start and on promotion, and an immediate fallback when a monitor run finds it.
    /// </summary>
    [Range(0.0, 1.0)]
    public double CanaryMargin { get; set; } = 0.05;

    /// <summary>
    /// Let the registry's challenger score every line in shadow: its probability is audited beside the active
    /// model's and shows in live quality, and it never decides. It costs a second model pass per line.
    /// </summary>
    public bool ShadowChallenger { get; set; }

    /// <summary>
    /// Slots of the score cache (model text to probability); 0 turns it off. Each slot holds at most one
    /// normalised line, a few hundred bytes, so the default costs a few megabytes at most.
    /// </summary>
    [Range(0, 1 << 24)]
    public int ScoreCacheSlots { get; set; } = 16_384;
}
