using LogGuard.Core.Detection.Model;
using LogGuard.Training.Corpus;
using Microsoft.ML;

namespace LogGuard.Training.Tests;

public sealed class ModelCalibrationTests : IDisposable
{
    private const int Seed = 7;
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("logguard-calibration-");

    // Many small groups of each class, so that the calibration fold draws some of each.
    private static readonly List<LabelledLine> Corpus =
    [
        .. Enumerable.Range(0, 60).SelectMany(group => Enumerable.Range(0, 4).Select(i => new LabelledLine(
            $"Mar  4 10:01:0{i} web-{group} sshd[{100 + i}]: Failed password for invalid user admin{group} from 10.0.{group}.{i} port 22 ssh2",
            true, "test/ssh", $"attack:{group}", false))),
        .. Enumerable.Range(0, 60).SelectMany(group => Enumerable.Range(0, 4).Select(i => new LabelledLine(
            $"Mar  4 10:01:0{i} web-{group} systemd[1]: Started Session {group * 10 + i} of user user{group}.",
            false, "test/systemd", $"session:{group}", false))),
    ];

    [Fact]
    public void Train_FitsOnSomeGroupsAndCalibratesOnTheOthers()
    {
        var trained = ModelTrainer.Train(new MLContext(Seed), Corpus, ModelKind.Sdca, Seed);

        var calibrationLines = Corpus.Count(line => GroupSplit.IsIn(line.Group, Seed, ModelTrainer.CalibrationShare, "calibration"));
        calibrationLines.Should().BeInRange(1, Corpus.Count - 1, "the fold must hold some groups and leave others to fit");
        trained.Calibration.Lines.Should().Be(calibrationLines);
        trained.Fitted.Should().HaveCount(Corpus.Count - calibrationLines);
        trained.Calibration.Method.Should().Be("Platt");
        trained.Calibration.Slope.Should().BeNegative("a higher raw score must mean a higher probability");
    }

    [Fact]
    public void SavedModel_ServesTheCalibratedProbabilityOfItsRawScore()
    {
        var (context, trained, modelPath) = TrainAndSave();

        var engine = context.Model.CreatePredictionEngine<ModelInput, ModelOutput>(context.Model.Load(modelPath, out _));
        foreach (var text in new[] { "failed password for invalid user root", "started session 0 of user carol" })
        {
            var output = engine.Predict(new ModelInput { Text = text });
            var expected = 1 / (1 + Math.Exp(trained.Calibration.Slope * output.Score + trained.Calibration.Offset));
            ((double)output.Probability).Should().BeApproximately(expected, 1e-5, text);
        }
    }

    [Fact]
    public void CalibratedLinearModel_StillExplainsItsVerdicts()
    {
        var (_, _, modelPath) = TrainAndSave();
        var scorer = MlNetModelScorer.LoadFile(modelPath, Path.Combine(_directory.FullName, "none.txt"), Path.Combine(_directory.FullName, "none.json"));

        var evidence = scorer.Explain("failed password for invalid user root", 3);

        evidence.Should().NotBeEmpty();
        evidence.Should().Contain(item => item.Weight > 0, "the attack's words push towards suspicious");
    }

    private (MLContext Context, TrainedModel Trained, string Path) TrainAndSave()
    {
        var context = new MLContext(Seed);
        var trained = ModelTrainer.Train(context, Corpus, ModelKind.Sdca, Seed);
        var modelPath = Path.Combine(_directory.FullName, "model.zip");
        context.Model.Save(trained.Model, null, modelPath);
        return (context, trained, modelPath);
    }

    public void Dispose() => _directory.Delete(recursive: true);
}
