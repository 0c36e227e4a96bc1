using LogGuard.Core.Detection.Model;
using LogGuard.Training.Evaluation;

namespace LogGuard.Training.Tests.Evaluation;

/// <summary>The never-seen replay against the shipped model: what is replayed is what the model answered.</summary>
public sealed class RecordedModelScorerTests
{
    private static readonly IModelScorer Shipped = MlNetModelScorer.Load(RepositoryPaths.Models, ModelKind.Sdca);

    [Fact]
    public void Replay_OfSavedAnswers_GivesTheRecordedProbabilitiesAndCountsEvenForTextsWithTabsAndBackslashes()
    {
        var path = Path.Combine(Path.GetTempPath(), $"logguard-answers-{Guid.NewGuid():N}.tsv");
        var texts = new[] { "get /a\tb", "c:\\windows\\system32 \\t not a tab", "plain words" };
        try
        {
            var recording = RecordedModelScorer.Recording(Shipped);
            var recorded = new float[texts.Length];
            recording.Score(texts, recorded);
            recording.Save(path);

            var replay = RecordedModelScorer.Load(path);
            var replayed = new float[texts.Length];
            replay.Score(texts, replayed);

            replayed.Should().Equal(recorded);
            texts.Select(replay.CountTokens).Should().Equal(texts.Select(Shipped.CountTokens));
            recorded.Should().OnlyContain(probability => probability > 0 && probability < 1);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Replay_TextThatWasNeverScored_SaysTheAnswersAreStale()
    {
        var path = Path.Combine(Path.GetTempPath(), $"logguard-answers-{Guid.NewGuid():N}.tsv");
        try
        {
            var recording = RecordedModelScorer.Recording(Shipped);
            recording.Score(["known"], new float[1]);
            recording.Save(path);

            var score = () => RecordedModelScorer.Load(path).Score(["changed text"], new float[1]);

            score.Should().Throw<InvalidOperationException>().WithMessage("*changed text*without --replay*");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
