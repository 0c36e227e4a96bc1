namespace LogGuard.Core.Detection.Hybrid;

/// <summary>Who decided a verdict; serialized in lower case in the API and the audit store.</summary>
public enum DecisionSource
{
    Rules,
    Model,
    Hybrid,
}
