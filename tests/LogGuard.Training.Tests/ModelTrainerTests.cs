using LogGuard.Core.Detection.Preprocessing;
using LogGuard.Training.Corpus;

namespace LogGuard.Training.Tests;

public sealed class ModelTrainerTests
{
    private static readonly LabelledLine[] Lines =
    [
        new("10.0.0.5 - - [04/Mar/2026:10:01:02 +0000] \"GET /search?q=%3Cscript%3E HTTP/1.1\" 200 512 \"-\" \"curl/8.5.0\"", true, "s", "g1", false),
        new("10.0.0.6 - - [04/Mar/2026:10:01:03 +0000] \"GET /products/chair-42 HTTP/1.1\" 200 512 \"-\" \"Mozilla/5.0\"", false, "s", "g2", false),
        new("2026-03-04 10:01:02,123 ERROR [main] c.e.Db - query failed: id=1%27%20OR%201=1", true, "s", "g3", false),
        new("Mar  4 10:01:02 web-01 systemd[1]: Started Session 42 of user alice.", false, "s", "g4", false),
        new("Mar  4 10:01:02 web-01 systemd[1]: Started Session 43 of user bob.", false, "s", "g5", false),
    ];

    [Fact]
    public void ToExamples_TextIsWhatTheServiceGivesTheModel() =>
        ModelTrainer.ToExamples(Lines).Select(example => example.Text).Should().Equal(Lines.Select(line => ModelText.Of(line.Text)));

    [Fact]
    public void ToExamples_EachClassCarriesHalfTheWeightWithinAccessLinesAndWithinOthers()
    {
        var examples = ModelTrainer.ToExamples(Lines);

        // Access lines: one of each class, weight 1 each. Other lines: one suspicious (3 / 2) and two normal (3 / 4 each).
        examples.Select(example => example.Weight).Should().Equal(1f, 1f, 1.5f, 0.75f, 0.75f);
    }
}
