namespace LogGuard.Training.Corpus;

/// <summary>Writes the synthetic part of the corpus; split by template, so the held-out templates are new to the model.</summary>
public static class SyntheticSource
{
    public const int NormalLines = 14_000;
    public const int SuspiciousLines = 6_000;

    public static IEnumerable<LabelledLine> Generate(SyntheticRandom random, int seed)
    {
        foreach (var line in Draw(NormalTemplates.All().ToList(), NormalLines, random, seed))
        {
            yield return line;
        }

        foreach (var line in Draw(SuspiciousTemplates.All().ToList(), SuspiciousLines, random, seed))
        {
            yield return line;
        }
    }

    private static IEnumerable<LabelledLine> Draw(List<SyntheticTemplate> templates, int count, SyntheticRandom random, int seed)
    {
        for (var i = 0; i < count; i++)
        {
            var template = random.Pick(templates);
            yield return new LabelledLine(template.Write(random), template.Suspicious, template.Source, "synthetic:" + template.Id, GroupSplit.IsTest("synthetic:" + template.Id, seed));
        }
    }
}
