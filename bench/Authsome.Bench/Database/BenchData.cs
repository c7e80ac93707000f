using System.Globalization;

namespace Authsome.Bench.Database;

/// <summary>
/// The seeded accounts, numbered from 1: user <c>i</c> is <c>bench-i@example.com</c> with <see cref="Password"/>, and
/// has one session whose access and refresh tokens are <see cref="AccessToken"/> and <see cref="RefreshToken"/> of
/// <c>i</c>. The SQL seed (<see cref="Seeder"/>) and the wrk and pgbench scripts build the same strings from the
/// same prefixes, so no token list has to be shipped around.
/// </summary>
internal static class BenchData
{
    /// <summary>Every seeded user's password (and the sign-up scenario's).</summary>
    public const string Password = "quiet-lantern-orbit-4127";

    /// <summary>Access tokens are this prefix and <c>i</c> zero-padded to 43 characters, the length of a real token.</summary>
    public const string AccessTokenPrefix = "bnch";

    public const string RefreshTokenPrefix = "rfsh";

    public const int TokenLength = 43;

    public static string AccessToken(long i) => Token(AccessTokenPrefix, i);

    public static string RefreshToken(long i) => Token(RefreshTokenPrefix, i);

    public static string Email(long i) => string.Create(CultureInfo.InvariantCulture, $"bench-{i}@example.com");

    private static string Token(string prefix, long i) =>
        prefix + i.ToString(CultureInfo.InvariantCulture).PadLeft(TokenLength - prefix.Length, '0');
}
