using System.Security.Cryptography;
using System.Text;

namespace Authsome.Hosting;

/// <summary>Database names: unique test names, validation, and identifier quoting.</summary>
internal static class DatabaseNames
{
    /// <summary>PostgreSQL truncates identifiers longer than 63 bytes (NAMEDATALEN - 1).</summary>
    public const int MaxLength = 63;

    private const int SuffixLength = 10;
    private const string SuffixAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>
    /// A fresh, valid, unquoted-safe name: <paramref name="prefix"/> lowercased, every character
    /// outside <c>[a-z0-9_]</c> turned into <c>_</c>, cut to fit, then <c>_</c> and ten random
    /// characters. <c>"Authsome.Store.Tests"</c> gives e.g. <c>authsome_store_tests_k3v9q0xz1m</c>.
    /// </summary>
    public static string Unique(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var cleaned = new StringBuilder(prefix.Length);
        foreach (var c in prefix.ToLowerInvariant())
        {
            var keep = c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_';
            var next = keep ? c : '_';
            if (next == '_' && cleaned.Length > 0 && cleaned[^1] == '_')
            {
                continue; // collapse runs of separators
            }

            cleaned.Append(next);
        }

        var stem = cleaned.ToString().Trim('_');
        if (stem.Length == 0)
        {
            stem = "test";
        }
        else if (char.IsAsciiDigit(stem[0]))
        {
            stem = "t" + stem;
        }

        var maxStem = MaxLength - 1 - SuffixLength;
        if (stem.Length > maxStem)
        {
            stem = stem[..maxStem].TrimEnd('_');
        }

        return $"{stem}_{RandomNumberGenerator.GetString(SuffixAlphabet, SuffixLength)}";
    }

    /// <summary>Throws when <paramref name="name"/> cannot be a database name.</summary>
    public static void Validate(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (Encoding.UTF8.GetByteCount(name) > MaxLength)
        {
            throw new ArgumentException($"A database name is at most {MaxLength} bytes.", nameof(name));
        }

        if (name.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException("A database name cannot contain NUL.", nameof(name));
        }
    }

    /// <summary>Quotes an identifier for SQL text (identifiers cannot be parameters).</summary>
    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
