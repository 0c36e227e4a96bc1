using Microsoft.ML.Data;

namespace LogGuard.Core.Detection.Model;

/// <summary>The model's output schema: a calibrated probability of "suspicious".</summary>
public sealed class ModelOutput
{
    [ColumnName("PredictedLabel")]
    public bool PredictedLabel { get; set; }

    public float Probability { get; set; }

    public float Score { get; set; }
}
