using Microsoft.ML.Data;

namespace LogGuard.Core.Detection.Model;

/// <summary>The model's input schema, shared by the trainer and the service.</summary>
public sealed class ModelInput
{
    /// <summary>The line as <see cref="Preprocessing.ModelText"/> prepares it.</summary>
    [LoadColumn(0)]
    public string Text { get; set; } = "";

    /// <summary>True for suspicious; read only in training.</summary>
    [LoadColumn(1)]
    public bool Label { get; set; }
}
