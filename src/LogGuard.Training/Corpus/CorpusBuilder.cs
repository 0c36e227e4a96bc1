using System.Security.Cryptography;
using System.Text;

namespace LogGuard.Training.Corpus;

/// <summary>Builds the labelled corpus from <c>data/</c> and writes it out, so every figure can be traced to a line.</summary>
public static class CorpusBuilder
{
    public static List<LabelledLine> Build(string dataDirectory, int seed)
    {
        var random = new SyntheticRandom(seed);
        var lines = new List<LabelledLine>();
        lines.AddRange(LoghubSource.Read(Path.Combine(dataDirectory, "loghub"), seed));
        lines.AddRange(PayloadSource.Read(dataDirectory, SiteTraffic.FrameSites(random), random, seed));
        lines.AddRange(SyntheticSource.Generate(random, seed));
        lines.AddRange(SiteTraffic.Generate(random, seed));
        return lines;
    }

    /// <summary>Writes the corpus as TSV and returns its SHA-256, the data fingerprint recorded with the model.</summary>
    public static string Write(IReadOnlyList<LabelledLine> lines, string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var builder = new StringBuilder();
        builder.Append("label\tsplit\tsource\tgroup\ttext\n");
        foreach (var line in lines)
        {
            builder.Append(line.Suspicious ? "suspicious" : "normal").Append('\t')
                .Append(line.IsTest ? "test" : "train").Append('\t')
                .Append(line.Source).Append('\t')
                .Append(Escape(line.Group)).Append('\t')
                .Append(Escape(line.Text)).Append('\n');
        }

        var bytes = Encoding.UTF8.GetBytes(builder.ToString());
        File.WriteAllBytes(path, bytes);
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    private static string Escape(string value) => value.Replace("\t", " ", StringComparison.Ordinal);
}
