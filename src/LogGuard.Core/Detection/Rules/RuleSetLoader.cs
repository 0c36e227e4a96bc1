using System.Text.Json;
using System.Text.RegularExpressions;
using LogGuard.Core.Detection.Preprocessing;

namespace LogGuard.Core.Detection.Rules;

/// <summary>Reads and validates the rules file; any defect stops start-up with a message naming the rule.</summary>
public static class RuleSetLoader
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    public static RuleSet LoadFile(string path, RuleOptions options)
    {
        if (!File.Exists(path))
        {
            throw new RuleFileException($"Rules file '{path}' does not exist.");
        }

        return Parse(File.ReadAllText(path), options, path);
    }

    public static RuleSet Parse(string json, RuleOptions options, string origin = "rules")
    {
        RuleFile? file;
        try
        {
            file = JsonSerializer.Deserialize<RuleFile>(json, JsonOptions);
        }
        catch (JsonException exception)
        {
            throw new RuleFileException($"Rules file '{origin}' is not valid JSON: {exception.Message}", exception);
        }

        if (file is null || string.IsNullOrWhiteSpace(file.Version))
        {
            throw new RuleFileException($"Rules file '{origin}' must have a non-empty \"version\".");
        }

        if (file.Rules.Count == 0)
        {
            throw new RuleFileException($"Rules file '{origin}' has no rules.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var compiled = new List<CompiledRule>(file.Rules.Count);
        for (var index = 0; index < file.Rules.Count; index++)
        {
            var rule = file.Rules[index];
            var where = $"Rules file '{origin}', rule #{index} ('{rule.Id}')";
            Validate(rule, where, seen);
            compiled.Add(new CompiledRule(
                rule,
                CompilePattern(rule.Pattern, "pattern", where),
                CompilePattern(rule.Unless, "unless pattern", where),
                ParseFormats(rule, where),
                options.SlowThresholdMs));
        }

        return new RuleSet(file.Version, compiled);
    }

    private static void Validate(RuleDefinition rule, string where, HashSet<string> seen)
    {
        if (string.IsNullOrWhiteSpace(rule.Id) || !seen.Add(rule.Id))
        {
            throw new RuleFileException($"{where}: the id is empty or used twice.");
        }

        if (string.IsNullOrWhiteSpace(rule.Description) || string.IsNullOrWhiteSpace(rule.Category))
        {
            throw new RuleFileException($"{where}: description and category are required.");
        }

        if (rule.Weight is <= 0 or > 1 || double.IsNaN(rule.Weight))
        {
            throw new RuleFileException($"{where}: weight must be in (0, 1], got {rule.Weight}.");
        }

        if ((rule.Pattern is null) == (rule.Condition is null))
        {
            throw new RuleFileException($"{where}: give exactly one of \"pattern\" and \"condition\".");
        }

        if (rule.Condition is not null && !RuleConditions.All.Contains(rule.Condition))
        {
            throw new RuleFileException($"{where}: unknown condition '{rule.Condition}'; known: {string.Join(", ", RuleConditions.All)}.");
        }

        if (rule.Condition == RuleConditions.Level && rule.Levels.Count == 0)
        {
            throw new RuleFileException($"{where}: the level condition needs \"levels\".");
        }

        if (rule.On is not ("decoded" or "raw"))
        {
            throw new RuleFileException($"{where}: \"on\" must be \"decoded\" or \"raw\".");
        }

        if (rule.Unless is { Length: 0 })
        {
            throw new RuleFileException($"{where}: \"unless\" must not be empty.");
        }

        if (rule.MinCount is < 1 or > 100)
        {
            throw new RuleFileException($"{where}: minCount must be between 1 and 100.");
        }
    }

    private static Regex? CompilePattern(string? pattern, string what, string where)
    {
        if (pattern is null)
        {
            return null;
        }

        try
        {
            return LinearRegex.Create(pattern);
        }
        catch (Exception exception) when (exception is ArgumentException or NotSupportedException)
        {
            throw new RuleFileException($"{where}: the {what} cannot run without backtracking or is invalid: {exception.Message}", exception);
        }
    }

    private static List<LogFormat> ParseFormats(RuleDefinition rule, string where)
    {
        var formats = new List<LogFormat>();
        foreach (var name in rule.Formats)
        {
            if (!Enum.TryParse<LogFormat>(name, ignoreCase: true, out var format))
            {
                throw new RuleFileException($"{where}: unknown format '{name}'; known: {string.Join(", ", Enum.GetNames<LogFormat>())}.");
            }

            formats.Add(format);
        }

        return formats;
    }
}
