using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Authsome.SamplePlugin.Plugin;

/// <summary>
/// The codes the plugin has issued, one per address, each usable once. Kept in memory: a real plugin would keep them
/// hashed in its sub-store; this sample is about the engine's surface, not about storing codes.
/// </summary>
public sealed class OneTimeCodes
{
    private readonly ConcurrentDictionary<string, string> _codes = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Issues a new six-digit code for <paramref name="email"/>, replacing any earlier one.</summary>
    public string Issue(string email)
    {
        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        _codes[email] = code;
        return code;
    }

    /// <summary>Whether <paramref name="code"/> is the code issued for <paramref name="email"/>; a matching code is used up.</summary>
    public bool TryRedeem(string email, string code) =>
        _codes.TryGetValue(email, out var expected)
        && CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(expected), System.Text.Encoding.ASCII.GetBytes(code))
        && _codes.TryRemove(new KeyValuePair<string, string>(email, expected));
}
