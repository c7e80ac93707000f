using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Authsome.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Authsome.Verification;

/// <summary>
/// Hashes verification codes with HMAC-SHA-256 under a server-side key: a 6-digit code has a million values, so a
/// plain hash of it in a leaked database is reversed at once; without the key it is not. The key is
/// <c>Authsome:Verification:CodeKey</c> (base64, at least 32 bytes); when it is not configured one is generated once
/// and kept in the store's global settings (shared by every replica, but then only as secret as the database).
/// </summary>
internal sealed partial class VerificationCodeHasher(
    IAuthsomeStore store,
    IOptionsMonitor<AuthsomeOptions> options,
    TimeProvider time,
    ILogger<VerificationCodeHasher> logger)
{
    private const string SettingKey = "authsome.verification.code_key";
    private const int KeyBytes = 32;

    private readonly SemaphoreSlim gate = new(1, 1);
    private byte[]? storedKey;

    public async ValueTask<SecretHash> HashAsync(Id<Store.Verification> id, string code, CancellationToken cancellationToken)
    {
        var key = await KeyAsync(cancellationToken);
        // The verification id is in the message so equal codes of different users never share a hash.
        var mac = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{id}:{code}"));
        return SecretHash.FromHex(Convert.ToHexStringLower(mac));
    }

    public async ValueTask<bool> MatchesAsync(SecretHash expected, Id<Store.Verification> id, string code, CancellationToken cancellationToken)
    {
        var actual = await HashAsync(id, code, cancellationToken);
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected.Hex), Encoding.ASCII.GetBytes(actual.Hex));
    }

    private async ValueTask<byte[]> KeyAsync(CancellationToken cancellationToken)
    {
        if (options.CurrentValue.Verification.CodeKey is { Length: > 0 } configured)
        {
            return Convert.FromBase64String(configured);
        }

        if (storedKey is { } cached)
        {
            return cached;
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            if (storedKey is null)
            {
                var setting = await store.Settings.GetAsync(SettingKey, SettingScope.Global, string.Empty, cancellationToken);
                if (setting is null)
                {
                    LogGeneratedKey(logger);
                    var now = time.GetStoreNow();
                    setting = await store.Settings.SetAsync(new Setting
                    {
                        Id = Id<Setting>.New(now),
                        Key = SettingKey,
                        Scope = SettingScope.Global,
                        ScopeId = string.Empty,
                        Value = JsonSerializer.Serialize(Convert.ToBase64String(RandomNumberGenerator.GetBytes(KeyBytes))),
                        CreatedAt = now,
                        UpdatedAt = now,
                    }, cancellationToken);
                }

                storedKey = Convert.FromBase64String(JsonSerializer.Deserialize<string>(setting.Value)!);
            }

            return storedKey;
        }
        finally
        {
            gate.Release();
        }
    }

    [LoggerMessage(EventId = 3901, Level = LogLevel.Warning, Message = "Authsome:Verification:CodeKey is not set; a verification code key was generated and stored in the database")]
    private static partial void LogGeneratedKey(ILogger logger);
}
