using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;

namespace Authsome.Security;

/// <summary>Random secrets: 256-bit tokens (base64url, 43 characters) and short numeric codes.</summary>
internal static class SecretTokens
{
    /// <summary>Bytes of entropy in a token.</summary>
    public const int TokenBytes = 32;

    /// <summary>A new 256-bit token from the OS CSPRNG, base64url without padding.</summary>
    public static string NewToken()
    {
        Span<byte> bytes = stackalloc byte[TokenBytes];
        RandomNumberGenerator.Fill(bytes);
        return Base64Url.EncodeToString(bytes);
    }

    /// <summary>A uniformly random code of <paramref name="digits"/> decimal digits (leading zeros kept).</summary>
    public static string NewCode(int digits)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(digits, 4);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(digits, 9);
        var max = (int)Math.Pow(10, digits);
        return RandomNumberGenerator.GetInt32(max).ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0');
    }

    /// <summary>Whether a string can be a token this engine issued; rejects junk before it is hashed or looked up.</summary>
    public static bool LooksLikeToken(string? value) =>
        value is { Length: 43 } && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>Whether a string has the shape of a compact JWS (three base64url parts) of a sane length.</summary>
    public static bool LooksLikeJwt(string? value) =>
        value is { Length: > 20 and <= MaxJwtLength }
        && value.Count(c => c == '.') == 2
        && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    /// <summary>The longest JWT accepted (ours are well under 1 KiB).</summary>
    public const int MaxJwtLength = 4096;
}
