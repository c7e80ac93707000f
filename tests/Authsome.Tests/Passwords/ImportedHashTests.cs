using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Authsome.Passwords;

namespace Authsome.Tests.Passwords;

public sealed class ImportedHashTests
{
    private const string IdentityPassword = "my password";

    // Known answers for "my password" from ASP.NET Core's own PasswordHasher tests
    // (src/Identity/test/Identity.Test/PasswordHasherTest.cs).
    [Theory]
    [InlineData("AAABAgMEBQYHCAkKCwwNDg+ukCEMDf0yyQ29NYubggHIVY0sdEUfdyeM+E1LtH1uJg==")] // v2: SHA1, 1000 iterations
    [InlineData("ANXrDknc7fGPpigibZXXZFMX4aoqz44JveK6jQuwY3eH/UyPhvr5xTPeGYEckLxz9A==")] // v2
    [InlineData("AQAAAAEAACcQAAAAEAABAgMEBQYHCAkKCwwNDg+yWU7rLgUwPZb1Itsmra7cbxw2EFpwpVFIEtP+JIuUEw==")] // v3: SHA256, 10000 iterations
    [InlineData("AQAAAAIAAAAyAAAAEOMwvh3+FZxqkdMBz2ekgGhwQ4B6pZWND6zgESBuWiHw")] // v3: SHA512, 50 iterations, 128-bit subkey
    [InlineData("AQAAAAIAAAD6AAAAIJbVi5wbMR+htSfFp8fTw8N8GOS/Sje+S/4YZcgBfU7EQuqv4OkVYmc4VJl9AGZzmRTxSkP7LtVi9IWyUxX8IAAfZ8v+ZfhjCcudtC1YERSqE1OEdXLW9VukPuJWBBjLuw==")] // v3: SHA512, 256-bit salt, 512-bit subkey
    [InlineData("AQAAAAAAAAD6AAAAEAhftMyfTJylOlZT+eEotFXd1elee8ih5WsjXaR3PA9M")] // v3: SHA1, 250 iterations
    [InlineData("AQAAAAEAA9CQAAAAIESkQuj2Du8Y+kbc5lcN/W/3NiAZFEm11P27nrSN5/tId+bR1SwV8CO1Jd72r4C08OLvplNlCDc3oQZ8efcW+jQ=")] // v3: SHA256, 250000 iterations
    public async Task VerifiesAspNetIdentityHashAndAsksForRehash(string hash)
    {
        var hasher = TestHashers.Create();

        Assert.Equal(PasswordVerificationResult.SuccessRehashNeeded, await hasher.VerifyAsync(IdentityPassword, hash, TestContext.Current.CancellationToken));
        Assert.Equal(PasswordVerificationResult.Failed, await hasher.VerifyAsync("my Password", hash, TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("AAABAgMEBQYHCAkKCwwNDg+uAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAALtH1uJg==")] // v2, wrong subkey
    [InlineData("AQAAAAAAAAD6AAAAEAhftMyfTJyAAAAAAAAAAAAAAAAAAAih5WsjXaR3PA9M")] // v3, wrong subkey
    [InlineData("AQAAAAIAAAAyAAAAEOMwvh3+FZxqkdMBz2ekgGhwQ4A=")] // v3, subkey too short
    [InlineData("AQAAAAIAAAAyAAAAEOMwvh3+FZxqkdMBz2ekgGhwQ4B6pZWND6zgESBuWiHwAAAAAAAAAAAA")] // v3, extra data
    public async Task RefusesTamperedAspNetIdentityHash(string hash)
    {
        var result = await TestHashers.Create().VerifyAsync(IdentityPassword, hash, TestContext.Current.CancellationToken);

        Assert.Equal(PasswordVerificationResult.Failed, result);
    }

    [Theory]
    [InlineData(0u, 1_000, 16, 16)]
    [InlineData(1u, 10_000, 16, 32)]
    [InlineData(2u, 100_000, 16, 32)] // Identity's default since .NET 7
    [InlineData(2u, 1_000, 32, 64)]
    public async Task VerifiesIdentityV3HashBuiltFromTheDocumentedLayout(uint prf, int iterations, int saltLength, int subkeyLength)
    {
        var hash = IdentityV3(IdentityPassword, prf, iterations, RandomNumberGenerator.GetBytes(saltLength), subkeyLength);
        var hasher = TestHashers.Create();

        Assert.Equal(PasswordVerificationResult.SuccessRehashNeeded, await hasher.VerifyAsync(IdentityPassword, hash, TestContext.Current.CancellationToken));
        Assert.Equal(PasswordVerificationResult.Failed, await hasher.VerifyAsync("not my password", hash, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task VerifiesIdentityV2HashBuiltFromTheDocumentedLayout()
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var subkey = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(IdentityPassword), salt, 1000, HashAlgorithmName.SHA1, 32);
        var hash = Convert.ToBase64String([0x00, .. salt, .. subkey]);

        var result = await TestHashers.Create().VerifyAsync(IdentityPassword, hash, TestContext.Current.CancellationToken);

        Assert.Equal(PasswordVerificationResult.SuccessRehashNeeded, result);
    }

    [Fact]
    public async Task RefusesIdentityV3HashWithAbsurdIterationCount()
    {
        var hash = IdentityV3(IdentityPassword, prf: 1, iterations: 1, RandomNumberGenerator.GetBytes(16), 32);
        var bytes = Convert.FromBase64String(hash);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(5, 4), (uint)AspNetIdentityPasswordHash.MaxIterations + 1);

        var result = await TestHashers.Create().VerifyAsync(IdentityPassword, Convert.ToBase64String(bytes), TestContext.Current.CancellationToken);

        Assert.Equal(PasswordVerificationResult.Failed, result);
    }

    // OpenBSD/jBCrypt test vectors; $2b$ and $2y$ differ from $2a$ only for passwords this short in name.
    [Theory]
    [InlineData("$2a$06$DCq7YPn5Rq63x1Lad4cll.TV4S6ytwfsfvkgY8jIucDrjc8deX1s.", "")]
    [InlineData("$2a$06$If6bvum7DFjUnE9p2uDeDu0YHzrHM6tf.iqN8.yx.jNN1ILEf7h0i", "abc")]
    [InlineData("$2b$06$If6bvum7DFjUnE9p2uDeDu0YHzrHM6tf.iqN8.yx.jNN1ILEf7h0i", "abc")]
    [InlineData("$2y$06$If6bvum7DFjUnE9p2uDeDu0YHzrHM6tf.iqN8.yx.jNN1ILEf7h0i", "abc")]
    [InlineData("$2a$06$.rCVZVOThsIa97pEDOxvGuRRgzG64bvtJ0938xuqzv18d3ZpQhstC", "abcdefghijklmnopqrstuvwxyz")]
    [InlineData("$2a$06$fPIsBO8qRqkjj273rfaOI.HtSV9jLDpTbZn782DC6/t7qT67P6FfO", "~!@#$%^&*()      ~!@#$%^&*()PNBFRD")]
    public async Task VerifiesBcryptHashAndAsksForRehash(string hash, string password)
    {
        var hasher = TestHashers.Create();

        Assert.Equal(PasswordVerificationResult.SuccessRehashNeeded, await hasher.VerifyAsync(password, hash, TestContext.Current.CancellationToken));
        Assert.Equal(PasswordVerificationResult.Failed, await hasher.VerifyAsync(password + "!", hash, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task RefusesBcryptHashAboveMaximumCost()
    {
        var tooCostly = "$2b$" + (BcryptPasswordHash.MaxCost + 1) + "$If6bvum7DFjUnE9p2uDeDu0YHzrHM6tf.iqN8.yx.jNN1ILEf7h0i";

        var result = await TestHashers.Create().VerifyAsync("abc", tooCostly, TestContext.Current.CancellationToken);

        Assert.Equal(PasswordVerificationResult.Failed, result);
    }

    [Fact]
    public async Task UpgradedHashVerifiesWithoutRehash()
    {
        var hasher = TestHashers.Create();
        const string Imported = "AQAAAAEAACcQAAAAEAABAgMEBQYHCAkKCwwNDg+yWU7rLgUwPZb1Itsmra7cbxw2EFpwpVFIEtP+JIuUEw==";
        Assert.Equal(PasswordVerificationResult.SuccessRehashNeeded, await hasher.VerifyAsync(IdentityPassword, Imported, TestContext.Current.CancellationToken));

        var upgraded = await hasher.HashAsync(IdentityPassword, TestContext.Current.CancellationToken);

        Assert.StartsWith("$argon2id$", upgraded, StringComparison.Ordinal);
        Assert.Equal(PasswordVerificationResult.Success, await hasher.VerifyAsync(IdentityPassword, upgraded, TestContext.Current.CancellationToken));
    }

    // The documented v3 layout: 0x01 | PRF | iterations | salt length (big-endian uint32) | salt | subkey.
    private static string IdentityV3(string password, uint prf, int iterations, byte[] salt, int subkeyLength)
    {
        var algorithm = prf switch
        {
            0 => HashAlgorithmName.SHA1,
            1 => HashAlgorithmName.SHA256,
            _ => HashAlgorithmName.SHA512,
        };
        var subkey = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, algorithm, subkeyLength);
        var bytes = new byte[13 + salt.Length + subkey.Length];
        bytes[0] = 0x01;
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(1), prf);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(5), (uint)iterations);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(9), (uint)salt.Length);
        salt.CopyTo(bytes, 13);
        subkey.CopyTo(bytes, 13 + salt.Length);
        return Convert.ToBase64String(bytes);
    }
}
