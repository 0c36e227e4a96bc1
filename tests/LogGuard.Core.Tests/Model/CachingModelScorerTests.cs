using LogGuard.Core.Detection.Model;
using LogGuard.Core.Detection.Preprocessing;

namespace LogGuard.Core.Tests.Model;

public sealed class CachingModelScorerTests
{
    private static readonly MlNetModelScorer Model = MlNetModelScorer.Load(RepositoryPaths.Models, ModelKind.Sdca);

    private static readonly string[] Texts =
    [
        .. new[]
        {
            "Dec 10 06:55:46 LabSZ sshd[24200]: Failed password for invalid user webmaster from 173.234.31.186 port 38926 ssh2",
            "2026-03-04 10:01:02,123 INFO [main] c.e.orders.OrderService - Order 48213 created for customer 77 in 35ms",
            "10.0.0.5 - - [04/Mar/2026:10:01:02 +0000] \"GET /products?id=1' OR '1'='1 HTTP/1.1\" 200 512 \"-\" \"curl/8.5.0\"",
            "Mar  4 10:01:02 web-01 systemd[1]: Started Session 42 of user alice.",
            "ts=2026-03-04T10:01:02Z level=error msg=\"dial tcp: connection refused\" component=gateway",
        }.Select(line => ModelText.Of(line)),
    ];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(1024)]
    public void Score_RepeatedAndEvictedTexts_GivesExactlyTheModelsProbabilities(int slots)
    {
        var cache = new CachingModelScorer(Model, slots);
        var batch = Texts.Concat(Texts).Concat(Texts.Reverse()).ToArray();
        var expected = new float[batch.Length];
        Model.Score(batch, expected);

        for (var round = 0; round < 3; round++)
        {
            var actual = new float[batch.Length];
            cache.Score(batch, actual);
            actual.Should().Equal(expected);
        }
    }

    [Fact]
    public void Score_SecondTimeRound_IsServedFromTheCache()
    {
        // One text per cache: two texts may share a slot (the string hash is seeded per process), and then
        // each evicts the other, which is the cache working as designed but not what this test is about.
        foreach (var text in Texts)
        {
            var cache = new CachingModelScorer(Model, 1024);
            var probability = new float[1];

            cache.Score([text], probability);
            cache.Score([text], probability);

            cache.Statistics.Should().Be(new ScoreCacheStatistics(1024, Hits: 1, Misses: 1));
            cache.Statistics.HitRate.Should().Be(0.5);
        }
    }

    [Fact]
    public void Score_TextRepeatedWithinOneBatch_RunsTheModelOnceForIt()
    {
        var cache = new CachingModelScorer(Model, 1024);
        var batch = new[] { Texts[0], Texts[1], Texts[0], Texts[0] };
        var expected = new float[batch.Length];
        Model.Score(batch, expected);
        var actual = new float[batch.Length];

        cache.Score(batch, actual);

        actual.Should().Equal(expected);
        cache.Statistics.Should().Be(new ScoreCacheStatistics(1024, Hits: 2, Misses: 2));
    }

    [Fact]
    public void Score_FromManyThreads_NeverMixesUpTexts()
    {
        var cache = new CachingModelScorer(Model, 4);
        var expected = new float[Texts.Length];
        Model.Score(Texts, expected);

        Parallel.For(0, 200, new ParallelOptions { MaxDegreeOfParallelism = 8 }, round =>
        {
            var rotated = Texts.Skip(round % Texts.Length).Concat(Texts.Take(round % Texts.Length)).ToArray();
            var actual = new float[rotated.Length];
            cache.Score(rotated, actual);
            for (var i = 0; i < rotated.Length; i++)
            {
                actual[i].Should().Be(expected[Array.IndexOf(Texts, rotated[i])]);
            }
        });
    }

    [Theory]
    [InlineData(1)]
    [InlineData(1024)]
    public void CountTokens_ScoredEvictedOrNeverScored_MatchesTheModel(int slots)
    {
        var cache = new CachingModelScorer(Model, slots);
        cache.Score(Texts[..3], new float[3]);

        foreach (var text in Texts.Append("a text nobody scored"))
        {
            cache.CountTokens(text).Should().Be(Model.CountTokens(text));
        }
    }

    [Fact]
    public void Create_CapacityIsRoundedUpToAPowerOfTwo() =>
        new CachingModelScorer(Model, 1000).Statistics.Slots.Should().Be(1024);
}
