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
}
