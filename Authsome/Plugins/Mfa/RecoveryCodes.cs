using System.Security.Cryptography;
using Authsome.Plugins.Mfa.Store;
using Authsome.Store;

namespace Authsome.Plugins.Mfa;

/// <summary>
/// Recovery codes: ten characters from a 32-letter alphabet without look-alikes (50 bits each), shown as
/// <c>xxxxx-xxxxx</c>. Only their SHA-256 is stored: at 50 random bits a fast hash is enough, and it lets the store
/// find a code by its hash. Input is read leniently (case, spaces and dashes do not matter).
/// </summary>
internal static class RecoveryCodes
{
    private const string Alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
    private const int Length = 10;

    /// <summary>New codes in plain text (shown once) and the rows that store their hashes.</summary>
    public static (IReadOnlyList<string> Codes, IReadOnlyList<RecoveryCode> Rows) Generate(Id<User> userId, int count, DateTimeOffset now)
    {
        var codes = new string[count];
        var rows = new RecoveryCode[count];
        for (var i = 0; i < count; i++)
        {
            var chars = RandomNumberGenerator.GetString(Alphabet, Length);
            codes[i] = $"{chars[..5]}-{chars[5..]}";
            rows[i] = new RecoveryCode { Id = Id<RecoveryCode>.New(now), UserId = userId, CodeHash = Hash(codes[i])!.Value, CreatedAt = now };
        }

        return (codes, rows);
    }

    /// <summary>The hash of a code as typed, or null when it cannot be a recovery code.</summary>
    public static SecretHash? Hash(string input)
    {
        var normal = new string([.. input.Where(c => c is not (' ' or '-')).Select(char.ToLowerInvariant)]);
        return normal.Length == Length && normal.All(Alphabet.Contains) ? SecretHash.Of(normal) : null;
    }
}
