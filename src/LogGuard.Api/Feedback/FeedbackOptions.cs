using System.ComponentModel.DataAnnotations;
using LogGuard.Data.Configurations;

namespace LogGuard.Api.Feedback;

/// <summary>Limits of <c>POST /feedback</c> (section <c>Feedback</c>).</summary>
public sealed class FeedbackOptions
{
    public const string SectionName = "Feedback";

    [Range(1, 10_000)]
    public int MaxItemsPerRequest { get; set; } = 1000;

    [Range(1, FeedbackConfiguration.MaxNoteLength)]
    public int MaxNoteLength { get; set; } = FeedbackConfiguration.MaxNoteLength;
}
