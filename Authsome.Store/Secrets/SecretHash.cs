using System.Security.Cryptography;
using System.Text;

namespace Authsome.Store;

/// <summary>
/// The SHA-256 of a secret (session token, refresh token, verification or reset token, invitation
/// token, API key), as 64 lower-case hex characters. Stores accept and return only this type, so no
/// backend can hold a usable token: a leaked database yields hashes of 256-bit random values.
/// </summary>
public readonly record struct SecretHash
{
    private SecretHash(string hex) => Hex = hex;

    /// <summary>The hash as 64 lower-case hex characters: the form backends persist and index.</summary>
    public string Hex { get; }

    /// <summary>Hashes a secret.</summary>
    public static SecretHash Of(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        var byteCount = Encoding.UTF8.GetByteCount(secret);
        var buffer = byteCount <= 256 ? stackalloc byte[byteCount] : new byte[byteCount];
        Encoding.UTF8.GetBytes(secret, buffer);
        SHA256.HashData(buffer, digest);
        return new SecretHash(Convert.ToHexStringLower(digest));
    }

    /// <summary>Rebuilds a hash read from storage; throws when it is not 64 hex characters.</summary>
    public static SecretHash FromHex(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        if (hex.Length != 64 || !hex.All(char.IsAsciiHexDigit))
        {
            throw new FormatException("A secret hash is 64 hex characters.");
        }

        return new SecretHash(hex.ToLowerInvariant());
    }

    /// <summary>Whether <paramref name="secret"/> hashes to this value, compared in constant time.</summary>
    public bool Matches(string secret) =>
        CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(Of(secret).Hex),
            Encoding.ASCII.GetBytes(Hex ?? string.Empty));

    /// <summary>The hex form; a hash is not a secret, but logging it is still pointless.</summary>
    public override string ToString() => Hex;
}
