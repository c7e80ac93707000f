using System.Globalization;
using BCrypt.Net;

namespace Authsome.Passwords;

/// <summary>Verifies bcrypt hashes (<c>$2a$</c>, <c>$2b$</c>, <c>$2y$</c>) imported from other systems, through BCrypt.Net-Next.</summary>
internal static class BcryptPasswordHash
{
    public const string Algorithm = "bcrypt";

    // Cost is exponential (2^cost rounds); past this a stored hash is treated as malformed so one row cannot pin
    // a hashing slot for minutes. Real-world imports use 10 to 14.
    internal const int MaxCost = 16;

    // "$2b$" + two cost digits + "$" + 22 salt characters + 31 hash characters.
    private const int HashLength = 60;

    public static bool IsCandidate(string hash) =>
        hash.StartsWith("$2a$", StringComparison.Ordinal)
        || hash.StartsWith("$2b$", StringComparison.Ordinal)
        || hash.StartsWith("$2y$", StringComparison.Ordinal);

    /// <summary>
    /// Checks the password against a bcrypt hash: <see langword="null"/> when the hash is malformed or its cost is
    /// above <see cref="MaxCost"/>, else whether the password matches.
    /// </summary>
    public static bool? Verify(string password, string hash)
    {
        if (hash.Length != HashLength || hash[6] != '$'
            || !int.TryParse(hash.AsSpan(4, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var cost)
            || cost is < 4 or > MaxCost)
        {
            return null;
        }

        try
        {
            return global::BCrypt.Net.BCrypt.Verify(password, hash);
        }
        catch (SaltParseException)
        {
            return null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
