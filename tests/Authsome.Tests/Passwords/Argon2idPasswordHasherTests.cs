using System.Text;
using System.Text.RegularExpressions;
using Authsome.Passwords;
using Geralt;

namespace Authsome.Tests.Passwords;

public sealed partial class Argon2idPasswordHasherTests
{
    private const string Password = "correct horse battery staple";

    [GeneratedRegex(@"^\$argon2id\$v=19\$m=(?<m>\d+),t=(?<t>\d+),p=(?<p>\d+)\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$")]
    private static partial Regex PhcString();

    [Fact]
    public async Task HashIsPhcStringWithConfiguredParameters()
    {
        var hasher = TestHashers.Create();

        var hash = await hasher.HashAsync(Password, TestContext.Current.CancellationToken);

        var match = PhcString().Match(hash);
        Assert.True(match.Success, hash);
        Assert.Equal("19456", match.Groups["m"].Value);
        Assert.Equal("2", match.Groups["t"].Value);
        Assert.Equal("1", match.Groups["p"].Value);
    }

    [Fact]
    public async Task HashesOfTheSamePasswordDifferBySalt()
    {
        var hasher = TestHashers.Create();

        var first = await hasher.HashAsync(Password, TestContext.Current.CancellationToken);
        var second = await hasher.HashAsync(Password, TestContext.Current.CancellationToken);

        Assert.NotEqual(first, second);
    }

    [Theory]
    [InlineData(Password)]
    [InlineData("")]
    [InlineData("pässwörd ünïcødé 密码 🔑")]
    public async Task CanVerifyOwnHash(string password)
    {
        var hasher = TestHashers.Create();
        var hash = await hasher.HashAsync(password, TestContext.Current.CancellationToken);

        var result = await hasher.VerifyAsync(password, hash, TestContext.Current.CancellationToken);

        Assert.Equal(PasswordVerificationResult.Success, result);
    }

    [Theory]
    [InlineData("correct horse battery stapl")]
    [InlineData("Correct horse battery staple")]
    [InlineData("correct horse battery staple ")]
    [InlineData("")]
    public async Task VerifyFailsGivenWrongPassword(string wrong)
    {
        var hasher = TestHashers.Create();
        var hash = await hasher.HashAsync(Password, TestContext.Current.CancellationToken);

        var result = await hasher.VerifyAsync(wrong, hash, TestContext.Current.CancellationToken);

        Assert.Equal(PasswordVerificationResult.Failed, result);
    }

    [Fact]
    public async Task VerifyAsksForRehashGivenWeakerIterations()
    {
        var current = TestHashers.Create(TestHashers.FloorOptions(iterations: 3));
        var weakHash = await TestHashers.Create(TestHashers.FloorOptions(iterations: 2)).HashAsync(Password, TestContext.Current.CancellationToken);

        var result = await current.VerifyAsync(Password, weakHash, TestContext.Current.CancellationToken);

        Assert.Equal(PasswordVerificationResult.SuccessRehashNeeded, result);
    }

    [Fact]
    public async Task VerifyAsksForRehashGivenWeakerMemory()
    {
        // Below the floor the options refuse, so this hash comes straight from libsodium: m = 8 MiB, t = 2.
        Span<char> buffer = stackalloc char[Argon2id.HashSize];
        Argon2id.ComputeHash(buffer, Encoding.UTF8.GetBytes(Password), iterations: 2, memorySize: 8 * 1024 * 1024);
        var weakHash = new string(buffer[..buffer.IndexOf('\0')]);
        Assert.Contains("$m=8192,t=2,p=1$", weakHash, StringComparison.Ordinal);

        var result = await TestHashers.Create().VerifyAsync(Password, weakHash, TestContext.Current.CancellationToken);

        Assert.Equal(PasswordVerificationResult.SuccessRehashNeeded, result);
    }

    [Theory]
    // libsodium's test vectors (test/default/pwhash_argon2id.c), at parameters below ours.
    [InlineData("$argon2id$v=19$m=4882,t=2,p=1$bA81arsiXysd3WbTRzmEOw$Nm8QBM+7RH1DXo9rvp5cwKEOOOfD2g6JuxlXihoNcpE", "")]
    [InlineData("$argon2id$v=19$m=4096,t=19,p=1$PkEgMTYtYnl0ZXMgc2FsdA$ltB/ue1kPtBMBGfsysMpPigE6hiNEKZ9vs8vLNVDQGA",
        "^T5H$JYt39n%K*j:W]!1s?vg!:jGi]Ax?..l7[p0v:1jHTpla9;]bUN;?bWyCbtqg ")]
    // RustCrypto's PHC test vector: stronger memory than configured also differs, so it is rehashed to the configured cost.
    [InlineData("$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc", "password")]
    public async Task VerifiesKnownArgon2idVectorsAndAsksForRehash(string hash, string password)
    {
        var hasher = TestHashers.Create();

        Assert.Equal(PasswordVerificationResult.SuccessRehashNeeded, await hasher.VerifyAsync(password, hash, TestContext.Current.CancellationToken));
        Assert.Equal(PasswordVerificationResult.Failed, await hasher.VerifyAsync(password + "x", hash, TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("not a hash")]
    [InlineData("$argon2id$")]
    [InlineData("$argon2id$v=19$m=19456,t=2,p=1$")]
    [InlineData("$argon2id$v=19$m=dummy,t=2,p=1$bA81arsiXysd3WbTRzmEOw$Nm8QBM+7RH1DXo9rvp5cwKEOOOfD2g6JuxlXihoNcpE")]
    [InlineData("$argon2id$v=19$m=4882,t=2,p=1$bA81arsiXysd3WbTRzmEOw$Nm8QBM+7RH1DXo9rvp5cwKEOOOfD2g6JuxlXihoNc")]
    [InlineData("$argon2id$v=19$m=262144,t=2,p=1$c29tZXNhbHQ$€P4eyR+zqlZX1y5xCFTkw9m5GYx0L5YWwvCFvtlbLow")]
    [InlineData("$argon2id$v=19$m=4096,t=1,p=1$c29tZXNhbHQ$UFkGXYpXFGCjLlK9KbQuTrliLXkChb28ogJIaCmZJ7WRS7Nr641qUBf2byDeNbmdAWdc6o8dh6WPzEDimBZZjw")]
    [InlineData("$argon2i$v=19$m=4096,t=3,p=1$c29tZXNhbHRzb21lc2FsdA$Pw5Jovc42Um8SICQCKEKAy+uH3ismu7FMNtTeDmVWzo")]
    [InlineData("$argon2d$v=19$m=4096,t=3,p=1$c29tZXNhbHRzb21lc2FsdA$bPKG5lGYd2cZrmVuzsN1nCY6dluKXeCOY57YaZHNMBo")]
    [InlineData("$scrypt$ln=16,r=8,p=1$aM15713r3Xsvxbi31lqr1Q$nFNh2CVHVjNldFVKDHDlm4CbdRSCdEBsjjJxD+iCs5E")]
    [InlineData("$2a$06$If6bvum7DFjUnE9p2uDeDu0YHzrHM6tf.iqN8.yx.jNN1ILEf7h0")]
    [InlineData("$2a$06$If6bvum7DFjUnE9p2uDeDu0YHzrHM6tf.iqN8.yx.jNN1ILEf7h0!")]
    [InlineData("$2a$31$If6bvum7DFjUnE9p2uDeDu0YHzrHM6tf.iqN8.yx.jNN1ILEf7h0i")]
    [InlineData("$2a$xx$If6bvum7DFjUnE9p2uDeDu0YHzrHM6tf.iqN8.yx.jNN1ILEf7h0i")]
    [InlineData("$2a$06$!!!!!!!!!!!!!!!!!!!!!!0YHzrHM6tf.iqN8.yx.jNN1ILEf7h0i")]
    [InlineData("Zm9vYmFy")] // base64 of "foobar": no Identity marker
    [InlineData("AQ==")] // Identity v3 marker and nothing else
    [InlineData("AQAAAAcAACcQAAAAEAABAgMEBQYHCAkKCwwNDg+yWU7rLgUwPZb1Itsmra7cbxw2EFpwpVFIEtP+JIuUEw==")] // unknown PRF 7
    [InlineData("AQAAAAEAAAAAAAAAEAABAgMEBQYHCAkKCwwNDg+yWU7rLgUwPZb1Itsmra7cbxw2EFpwpVFIEtP+JIuUEw==")] // zero iterations
    [InlineData("AQAAAAH/////AAAAEAABAgMEBQYHCAkKCwwNDg+yWU7rLgUwPZb1Itsmra7cbxw2EFpwpVFIEtP+JIuUEw==")] // 4 billion iterations
    [InlineData("AQAAAAEAACcQ/////wABAgMEBQYHCAkKCwwNDg+yWU7rLgUwPZb1Itsmra7cbxw2EFpwpVFIEtP+JIuUEw==")] // salt longer than the hash
    [InlineData("AQAAAAEAACcQAAAAEAABAgMEBQYHCAkKCwwNDg+yWU7rLgUwPZb1Itsmra7cbxw2EFpwpVFIEtP+JIuUEw=")] // broken base64
    [InlineData("AAABAgMEBQYHCAkKCwwNDg+ukCEMDf0yyQ29NYubggE=")] // Identity v2, too short
    [InlineData("AAABAgMEBQYHCAkKCwwNDg+ukCEMDf0yyQ29NYubggHIVY0sdEUfdyeM+E1LtH1uJgAAAAAAAAAAAAA=")] // Identity v2, extra data
    public async Task VerifyFailsWithoutThrowingGivenMalformedHash(string hash)
    {
        var hasher = TestHashers.Create();

        var result = await hasher.VerifyAsync("my password", hash, TestContext.Current.CancellationToken);

        Assert.Equal(PasswordVerificationResult.Failed, result);
    }

    [Fact]
    public async Task SimulateVerifyCompletesForAnyPassword()
    {
        var hasher = TestHashers.Create();

        await hasher.SimulateVerifyAsync(Password, TestContext.Current.CancellationToken);
        await hasher.SimulateVerifyAsync(string.Empty, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task CancelledCallDoesNotHash()
    {
        var hasher = TestHashers.Create();
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await hasher.HashAsync(Password, cancellation.Token));
    }
}
