namespace LogGuard.Training;

/// <summary>One line as the trainers read it: the model's input and how much the line counts.</summary>
public sealed class TrainingExample
{
    public string Text { get; set; } = "";

    public bool Label { get; set; }

    public float Weight { get; set; } = 1;
}
