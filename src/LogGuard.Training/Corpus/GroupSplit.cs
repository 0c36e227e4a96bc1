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

    public static bool IsTest(string group, int seed)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{seed}:{group}"));
        var bucket = BitConverter.ToUInt32(hash, 0) / (double)uint.MaxValue;
        return bucket < TestShare;
    }
}
