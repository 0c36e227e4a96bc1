using Microsoft.VisualBasic.FileIO;

namespace LogGuard.Training.Corpus;

/// <summary>Reads CSV/TSV files with quoted fields, as the data sets write them.</summary>
public static class CsvFile
{
    public static IEnumerable<Dictionary<string, string>> Read(string path, string delimiter = ",", bool quoted = true)
    {
        using var parser = new TextFieldParser(path) { HasFieldsEnclosedInQuotes = quoted, TrimWhiteSpace = false };
        parser.SetDelimiters(delimiter);
        var header = parser.ReadFields() ?? [];
        while (!parser.EndOfData)
        {
            var fields = parser.ReadFields();
            if (fields is null)
            {
                continue;
            }

            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < header.Length && i < fields.Length; i++)
            {
                row[header[i]] = fields[i];
            }

            yield return row;
        }
    }
}
