namespace LogGuard.Data.Entities;

public sealed class IncidentExplanationRecord
{
    public long Id { get; set; }

    public long IncidentId { get; set; }

    public DateTime GeneratedAt { get; set; }

    public required string Summary { get; set; }

    public required string Recommendations { get; set; }

    public required string Explainer { get; set; }
}
