using System.ComponentModel.DataAnnotations;

namespace LogGuard.Api.Detection;

/// <summary>Limits of <c>POST /detect</c> (section <c>Detection</c>).</summary>
public sealed class DetectionOptions
{
    public const string SectionName = "Detection";

    [Range(1, 100_000)]
    public int MaxLinesPerRequest { get; set; } = 1000;

    [Range(1, 1_000_000)]
    public int MaxLineLength { get; set; } = 8192;

    [Range(1024, 256L * 1024 * 1024)]
    public long MaxBodyBytes { get; set; } = 4L * 1024 * 1024;
}
