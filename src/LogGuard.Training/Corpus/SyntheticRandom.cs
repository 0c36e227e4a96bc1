using System.Globalization;

namespace LogGuard.Training.Corpus;

/// <summary>A seeded source of realistic field values; the same seed gives the same corpus.</summary>
public sealed class SyntheticRandom(int seed)
{
    private readonly Random _random = new(seed);
    private DateTime _clock = new(2026, 3, 2, 8, 0, 0, DateTimeKind.Utc);

    public int Next(int maxExclusive) => _random.Next(maxExclusive);

    public int Between(int min, int maxInclusive) => _random.Next(min, maxInclusive + 1);

    public bool Chance(double probability) => _random.NextDouble() < probability;

    public double NextDouble() => _random.NextDouble();

    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    public string Word() => Pick(Vocabulary.Words);

    public string Ip() => Chance(0.3)
        ? $"10.{Next(256)}.{Next(256)}.{Between(1, 254)}"
        : $"{Pick(new[] { 23, 31, 45, 66, 81, 91, 103, 146, 178, 185, 203, 212 })}.{Next(256)}.{Next(256)}.{Between(1, 254)}";

    public string Hex(int length)
    {
        Span<char> chars = stackalloc char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = "0123456789abcdef"[Next(16)];
        }

        return new string(chars);
    }

    public DateTime Tick()
    {
        _clock = _clock.AddMilliseconds(Between(5, 90_000));
        return _clock;
    }

    public string ApacheTime() => Tick().ToString("dd/MMM/yyyy:HH:mm:ss +0000", CultureInfo.InvariantCulture);

    public string IsoTime() => Tick().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    public string AppTime() => Tick().ToString("yyyy-MM-dd HH:mm:ss,fff", CultureInfo.InvariantCulture);

    public string SyslogTime() => Tick().ToString("MMM d HH:mm:ss", CultureInfo.InvariantCulture).Replace(" 1 ", "  1 ", StringComparison.Ordinal);

    public string Millis(int min, int max) => Between(min, max).ToString(CultureInfo.InvariantCulture);

    public string Seconds(double min, double max) => (min + (NextDouble() * (max - min))).ToString("0.000", CultureInfo.InvariantCulture);
}
