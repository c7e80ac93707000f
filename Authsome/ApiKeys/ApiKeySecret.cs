using System.Numerics;
using System.Security.Cryptography;

namespace Authsome.ApiKeys;

/// <summary>
/// API key secrets: <c>sk_live_</c> (production) or <c>sk_test_</c> (any other environment) and 32 random bytes in
/// base62, always 43 characters. The visible prefix (shown in listings) is the mode and the first 8 characters.
/// </summary>
internal static class ApiKeySecret
{
    public const string LivePrefix = "sk_live_";
    public const string TestPrefix = "sk_test_";

    /// <summary>Characters of the random part: 32 bytes need 43 base62 digits (62^43 &gt; 2^256).</summary>
    public const int BodyLength = 43;

    private const int SecretBytes = 32;
    private const int VisibleBodyLength = 8;
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    /// <summary>A new secret from the OS CSPRNG.</summary>
    public static string New(bool live)
    {
        Span<byte> bytes = stackalloc byte[SecretBytes];
        RandomNumberGenerator.Fill(bytes);
        var value = new BigInteger(bytes, isUnsigned: true);
        Span<char> body = stackalloc char[BodyLength];
        for (var i = BodyLength - 1; i >= 0; i--)
        {
            value = BigInteger.DivRem(value, Alphabet.Length, out var digit);
            body[i] = Alphabet[(int)digit];
        }

        return (live ? LivePrefix : TestPrefix) + new string(body);
    }

    /// <summary>Whether a string can be a key this engine issued; junk is refused before it is hashed or looked up.</summary>
    public static bool IsWellFormed(string? value) =>
        value is { Length: 8 + BodyLength }
        && (value.StartsWith(LivePrefix, StringComparison.Ordinal) || value.StartsWith(TestPrefix, StringComparison.Ordinal))
        && value.AsSpan(LivePrefix.Length).ContainsAnyExcept(AlphabetValues) is false;

    /// <summary>Whether a presented credential is meant as an API key (so it is never tried as a session token).</summary>
    public static bool IsApiKeyShaped(string value) => value.StartsWith("sk_", StringComparison.Ordinal);

    /// <summary>The part shown in listings: <c>sk_live_AbC12345</c>.</summary>
    public static string VisiblePrefix(string secret) => secret[..(LivePrefix.Length + VisibleBodyLength)];

    private static readonly System.Buffers.SearchValues<char> AlphabetValues = System.Buffers.SearchValues.Create(Alphabet);
}
