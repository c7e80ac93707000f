using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Authsome.Passwords;

/// <summary>
/// Verifies password hashes imported from ASP.NET Core Identity's <c>PasswordHasher</c>: PBKDF2 in the v3 format
/// (base64 of 0x01, PRF, iteration count, salt length, salt, subkey; integers are big-endian uint32) and the
/// v2 format (base64 of 0x00, 128-bit salt, 256-bit subkey; PBKDF2-HMAC-SHA1 with 1000 iterations).
/// </summary>
internal static class AspNetIdentityPasswordHash
{
    public const string V2Algorithm = "aspnet_identity_v2";
    public const string V3Algorithm = "aspnet_identity_v3";

    // Identity's own floor for salt and subkey sizes.
    private const int MinSaltOrSubkeyBytes = 128 / 8;

    // A stored hash names its own cost; past this it is treated as malformed so one row cannot pin a hashing slot.
    internal const int MaxIterations = 5_000_000;

    private const byte V2Marker = 0x00;
    private const int V2SaltBytes = 16;
    private const int V2SubkeyBytes = 32;
    private const int V2Iterations = 1000;

    private const byte V3Marker = 0x01;
    private const int V3HeaderBytes = 13;

    /// <summary>
    /// Checks the password against an Identity hash: <see langword="null"/> when the hash is not a well-formed
    /// Identity v2 or v3 hash, else whether the password matches. <paramref name="algorithm"/> names the format.
    /// </summary>
    public static bool? Verify(ReadOnlySpan<byte> password, string hash, out string algorithm)
    {
        algorithm = V3Algorithm;
        var decoded = new byte[(hash.Length + 3) / 4 * 3];
        if (!Convert.TryFromBase64String(hash, decoded, out var length) || length == 0)
        {
            return null;
        }

        var bytes = decoded.AsSpan(0, length);
        switch (bytes[0])
        {
            case V2Marker:
                algorithm = V2Algorithm;
                return VerifyV2(password, bytes);
            case V3Marker:
                return VerifyV3(password, bytes);
            default:
                return null;
        }
    }

    private static bool? VerifyV2(ReadOnlySpan<byte> password, ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != 1 + V2SaltBytes + V2SubkeyBytes)
        {
            return null;
        }

        var salt = bytes.Slice(1, V2SaltBytes);
        var expected = bytes.Slice(1 + V2SaltBytes, V2SubkeyBytes);
        return Matches(password, salt, V2Iterations, HashAlgorithmName.SHA1, expected);
    }

    private static bool? VerifyV3(ReadOnlySpan<byte> password, ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < V3HeaderBytes)
        {
            return null;
        }

        HashAlgorithmName? prf = BinaryPrimitives.ReadUInt32BigEndian(bytes[1..5]) switch
        {
            0 => HashAlgorithmName.SHA1,
            1 => HashAlgorithmName.SHA256,
            2 => HashAlgorithmName.SHA512,
            _ => null,
        };
        var iterations = BinaryPrimitives.ReadUInt32BigEndian(bytes[5..9]);
        var saltLength = BinaryPrimitives.ReadUInt32BigEndian(bytes[9..13]);
        if (prf is null || iterations is 0 or > MaxIterations
            || saltLength < MinSaltOrSubkeyBytes || saltLength > bytes.Length - V3HeaderBytes - MinSaltOrSubkeyBytes)
        {
            return null;
        }

        var salt = bytes.Slice(V3HeaderBytes, (int)saltLength);
        var expected = bytes[(V3HeaderBytes + (int)saltLength)..];
        return Matches(password, salt, (int)iterations, prf.Value, expected);
    }

    private static bool Matches(
        ReadOnlySpan<byte> password, ReadOnlySpan<byte> salt, int iterations, HashAlgorithmName prf, ReadOnlySpan<byte> expected)
    {
        var actual = new byte[expected.Length];
        Rfc2898DeriveBytes.Pbkdf2(password, salt, actual, iterations, prf);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }
}
