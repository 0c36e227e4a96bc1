using LogGuard.Core.Detection.Masking;
using LogGuard.Data.Configurations;
using LogGuard.Data.Feedback;

namespace LogGuard.Api.Feedback;

/// <summary>Checks a feedback request and names every offending field, as <c>items[2].label</c>.</summary>
internal static class FeedbackValidator
{
    public static readonly string[] Labels = ["suspicious", "normal"];

    public static (List<FeedbackItem>? Items, Dictionary<string, string[]>? Errors) Validate(FeedbackRequest request, FeedbackOptions options)
    {
        var errors = new Dictionary<string, string[]>();
        List<(string Path, FeedbackItemRequest Item)> items;
        if (request.Items is not null)
        {
            if (request.PredictionId is not null || request.Label is not null || request.Note is not null)
            {
                errors["$"] = ["send either one label (predictionId, label, note) or items, not both"];
            }

            if (request.Items.Count is 0 || request.Items.Count > options.MaxItemsPerRequest)
            {
                errors["items"] = [$"items must hold 1 to {options.MaxItemsPerRequest} labels (Feedback:MaxItemsPerRequest), not {request.Items.Count}"];
            }

            items = [.. request.Items.Select((item, i) => ($"items[{i}].", item))];
        }
        else
        {
            items = [("", new FeedbackItemRequest(request.PredictionId, request.Label, request.Note))];
        }

        var seen = new HashSet<long>();
        foreach (var (path, item) in items)
        {
            if (item is null)
            {
                errors[path.TrimEnd('.')] = ["a label must be an object"];
                continue;
            }

            if (item.PredictionId is not { } id || id <= 0)
            {
                errors[path + "predictionId"] = ["predictionId must be the positive id that /detect returned"];
            }
            else if (!seen.Add(id))
            {
                errors[path + "predictionId"] = [$"prediction {id} is labelled twice in this request"];
            }

            if (item.Label is null || !Labels.Contains(item.Label))
            {
                errors[path + "label"] = ["label must be \"suspicious\" or \"normal\""];
            }

            if (item.Note is { Length: var length } && length > options.MaxNoteLength)
            {
                errors[path + "note"] = [$"note is longer than {options.MaxNoteLength} characters (Feedback:MaxNoteLength)"];
            }
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        // A note is free text from a person who may have pasted the line itself: masked like one.
        return ([.. items.Select(entry => new FeedbackItem(
            entry.Item.PredictionId!.Value,
            entry.Item.Label!,
            string.IsNullOrWhiteSpace(entry.Item.Note) ? null : MaskNote(entry.Item.Note)))], null);
    }

    // Masks can be longer than what they hide; the column's length still holds.
    private static string MaskNote(string note)
    {
        var masked = SecretMasker.Mask(note).Text;
        return masked.Length <= FeedbackConfiguration.MaxNoteLength ? masked : masked[..FeedbackConfiguration.MaxNoteLength];
    }
}
