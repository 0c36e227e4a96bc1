using System.Security.Cryptography;
using System.Text;

namespace LogGuard.Training.Corpus;

/// <summary>
/// Decides train or test by a group key (a template, a payload), never by line, so that the lines
/// of one template never sit on both sides and the held-out figures measure generalisation.
/// </summary>
public static class GroupSplit
{
    public const double TestShare = 0.25;

    public static bool IsTest(string group, int seed) => Bucket($"{seed}:{group}") < TestShare;

    /// <summary>
    /// Whether <paramref name="group"/> falls in a share of groups chosen for <paramref name="purpose"/>; each
    /// purpose draws independently of the held-out split and of the others.
    /// </summary>
    public static bool IsIn(string group, int seed, double share, string purpose) => Bucket($"{seed}:{purpose}:{group}") < share;

    private static double Bucket(string key)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        return BitConverter.ToUInt32(hash, 0) / (double)uint.MaxValue;
    }
}
