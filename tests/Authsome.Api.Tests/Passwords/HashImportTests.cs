using System.Buffers.Binary;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Authsome.Api.Tests.Infrastructure;
using Authsome.Store;

namespace Authsome.Api.Tests.Passwords;

/// <summary>Accounts imported with ASP.NET Core Identity or bcrypt hashes sign in, and their hash is upgraded to Argon2id.</summary>
public abstract class HashImportTests(HostFixture fixture)
{
    private const string Password = "Imported-Password-3";

    private ApiHost Host => fixture.Host;

    public static TheoryData<string> Formats => ["identity_v3", "bcrypt", "weak_argon2id"];

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task ImportedHashSignsInAndIsUpgradedOnce(string format)
    {
        using var client = Host.CreateClient();
        var user = await ImportAsync(format switch
        {
            "identity_v3" => IdentityV3(Password),
            "bcrypt" => BCrypt.Net.BCrypt.HashPassword(Password, workFactor: 4),
            // Below today's parameters (m=19 MiB, t=2): rehashed on sign-in too.
            _ => await WeakArgon2idAsync(),
        });

        var wrong = await client.PostAsync("/signin", new { email = user.Email, password = "Not-" + Password });
        var right = await client.PostAsync("/signin", new { email = user.Email, password = Password });

        Assert.Equal("invalid_credentials", wrong.Code);
        Assert.Equal(HttpStatusCode.OK, right.Status);
        var stored = (await Host.Store.Users.GetAsync(user.Id, TestContext.Current.CancellationToken))!;
        Assert.StartsWith("$argon2id$", stored.PasswordHash, StringComparison.Ordinal);
        Assert.Contains("m=19456,t=2", stored.PasswordHash, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/signin", new { email = user.Email, password = Password })).Status);
        Assert.Equal(stored.PasswordHash, (await Host.Store.Users.GetAsync(user.Id, TestContext.Current.CancellationToken))!.PasswordHash);
    }

    private async Task<User> ImportAsync(string hash)
    {
        var ct = TestContext.Current.CancellationToken;
        var app = (await Host.Store.Apps.GetPlatformAsync(ct))!;
        var env = (await Host.Store.Environments.GetDefaultAsync(app.Id, ct))!;
        var now = DateTimeOffset.UtcNow;
        var user = new User
        {
            Id = Id<User>.New(),
            AppId = app.Id,
            EnvId = env.Id,
            Email = ApiClient.NewEmail("imported"),
            EmailVerified = true,
            PasswordHash = hash,
            CreatedAt = now,
            UpdatedAt = now,
        };
        await Host.Store.Users.CreateAsync(user, ct);
        return user;
    }

    // ASP.NET Core Identity v3: 0x01, PRF (1 = HMAC-SHA256), iterations, salt length (big-endian), salt, subkey.
    private static string IdentityV3(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var subkey = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, 10_000, HashAlgorithmName.SHA256, 32);
        var bytes = new byte[13 + salt.Length + subkey.Length];
        bytes[0] = 0x01;
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(1), 1);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(5), 10_000);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(9), (uint)salt.Length);
        salt.CopyTo(bytes, 13);
        subkey.CopyTo(bytes, 13 + salt.Length);
        return Convert.ToBase64String(bytes);
    }

    private static Task<string> WeakArgon2idAsync()
    {
        Span<char> hash = stackalloc char[Geralt.Argon2id.HashSize];
        Geralt.Argon2id.ComputeHash(hash, Encoding.UTF8.GetBytes(Password), iterations: 1, memorySize: 8 * 1024 * 1024);
        return Task.FromResult(new string(hash).TrimEnd('\0'));
    }
}

public sealed class HashImportTestsOnMemory(MemoryHost fixture) : HashImportTests(fixture), IClassFixture<MemoryHost>;

public sealed class HashImportTestsOnPostgres(PostgresHost fixture) : HashImportTests(fixture), IClassFixture<PostgresHost>;
