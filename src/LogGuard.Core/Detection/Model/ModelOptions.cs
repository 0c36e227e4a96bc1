using System.ComponentModel.DataAnnotations;

namespace LogGuard.Core.Detection.Model;

/// <summary>Which model to serve (section <c>Model</c>).</summary>
public sealed class ModelOptions
{
    public const string SectionName = "Model";

    /// <summary>The folder holding the model files; relative paths are resolved from the content root.</summary>
    [Required]
    public string Directory { get; set; } = "models";

    public ModelKind Kind { get; set; } = ModelKind.Sdca;

    /// <summary>
    /// Slots of the score cache (model text to probability); 0 turns it off. Each slot holds at most one
    /// normalised line, a few hundred bytes, so the default costs a few megabytes at most.
    /// </summary>
    [Range(0, 1 << 24)]
    public int ScoreCacheSlots { get; set; } = 16_384;
}
