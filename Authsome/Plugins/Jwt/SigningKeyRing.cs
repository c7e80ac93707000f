using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Authsome.Store;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Authsome.Plugins.Jwt;

/// <summary>
/// An app's signing keys: creates the first on demand and the next one <see cref="JwtOptions.PublishAhead"/> before the
/// current one retires, so resource servers caching the JWKS know a key before they see a token it signed. Keys are read
/// from the store at most once a minute per app (and whenever a rotation is due). Several instances may each create the
/// next key at the same moment: both are published and every instance signs with the same one (latest activation, then
/// highest id).
/// </summary>
internal sealed partial class SigningKeyRing(
    ISigningKeyStore store,
    IDataProtectionProvider protection,
    IOptionsMonitor<JwtOptions> options,
    TimeProvider time,
    ILogger<SigningKeyRing> logger)
{
    /// <summary>The only algorithm the ring makes keys for.</summary>
    public const string Algorithm = SecurityAlgorithms.EcdsaSha256;

    private static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(1);
    private readonly IDataProtector _protector = protection.CreateProtector("Authsome.Jwt.SigningKeys.v1");
    private readonly ConcurrentDictionary<Id<App>, Snapshot> _cache = new();
    private readonly SemaphoreSlim _loading = new(1, 1);

    /// <summary>The credentials of the key that signs now.</summary>
    public async ValueTask<SigningCredentials> GetSigningCredentialsAsync(Id<App> appId, CancellationToken cancellationToken)
    {
        var now = time.GetStoreNow();
        var snapshot = await GetAsync(appId, now, cancellationToken);
        var current = snapshot.Keys.Where(k => k.Key.ActivatesAt <= now && k.Key.RetiresAt > now).MaxBy(k => (k.Key.ActivatesAt, k.Key.Id))
            ?? throw new InvalidOperationException($"App {appId} has no signing key in force.");
        return current.Credentials.Value;
    }

    /// <summary>The published keys (public halves), for the JWKS and for validating our own tokens.</summary>
    public async ValueTask<IReadOnlyList<PublishedKey>> GetPublishedAsync(Id<App> appId, CancellationToken cancellationToken)
    {
        var snapshot = await GetAsync(appId, time.GetStoreNow(), cancellationToken);
        return [.. snapshot.Keys.Select(k => k.Published)];
    }

    private async ValueTask<Snapshot> GetAsync(Id<App> appId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (_cache.TryGetValue(appId, out var cached) && IsFresh(cached, now))
        {
            return cached;
        }

        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (_cache.TryGetValue(appId, out cached) && IsFresh(cached, now))
            {
                return cached;
            }

            var keys = await store.ListAsync(appId, now, cancellationToken);
            if (RotationDue(keys, now) is { } activatesAt)
            {
                await store.CreateAsync(NewKey(appId, activatesAt, now), cancellationToken);
                keys = await store.ListAsync(appId, now, cancellationToken);
            }

            var snapshot = new Snapshot([.. keys.Select(Load)], now);
            _cache[appId] = snapshot;
            return snapshot;
        }
        finally
        {
            _loading.Release();
        }
    }

    private bool IsFresh(Snapshot snapshot, DateTimeOffset now) =>
        now - snapshot.LoadedAt < CacheFor && now >= snapshot.LoadedAt && RotationDue([.. snapshot.Keys.Select(k => k.Key)], now) is null;

    /// <summary>When the next key must start signing, if it must be created now; null when the ring is fine.</summary>
    private DateTimeOffset? RotationDue(IReadOnlyList<SigningKey> keys, DateTimeOffset now)
    {
        var latest = keys.MaxBy(k => (k.ActivatesAt, k.Id));
        if (latest is null || latest.RetiresAt <= now)
        {
            return now;
        }

        return latest.RetiresAt - options.CurrentValue.PublishAhead <= now ? latest.RetiresAt : null;
    }

    private SigningKey NewKey(Id<App> appId, DateTimeOffset activatesAt, DateTimeOffset now)
    {
        var settings = options.CurrentValue;
        var id = Id<SigningKey>.New(now);
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var parameters = ecdsa.ExportParameters(includePrivateParameters: false);
        var jwk = new JsonObject
        {
            ["kty"] = "EC",
            ["crv"] = "P-256",
            ["x"] = Base64Url.EncodeToString(parameters.Q.X),
            ["y"] = Base64Url.EncodeToString(parameters.Q.Y),
            ["kid"] = id.ToString(),
            ["use"] = "sig",
            ["alg"] = Algorithm,
        };
        var retiresAt = activatesAt + settings.RotationInterval;
        LogKeyCreated(logger, id.ToString(), appId.ToString(), activatesAt);
        return new SigningKey
        {
            Id = id,
            AppId = appId,
            Algorithm = Algorithm,
            PublicJwk = jwk.ToJsonString(),
            ProtectedPrivateKey = Convert.ToBase64String(_protector.Protect(ecdsa.ExportPkcs8PrivateKey())),
            ActivatesAt = activatesAt,
            RetiresAt = retiresAt,
            ExpiresAt = retiresAt + settings.RetainAfterRetirement,
            CreatedAt = now,
        };
    }

    private LoadedKey Load(SigningKey key) => new(
        key,
        new PublishedKey(key.Id.ToString(), key.PublicJwk, new JsonWebKey(key.PublicJwk)),
        new Lazy<SigningCredentials>(() =>
        {
            var ecdsa = ECDsa.Create();
            ecdsa.ImportPkcs8PrivateKey(_protector.Unprotect(Convert.FromBase64String(key.ProtectedPrivateKey)), out _);
            return new SigningCredentials(new ECDsaSecurityKey(ecdsa) { KeyId = key.Id.ToString() }, key.Algorithm);
        }));

    [LoggerMessage(EventId = 4201, Level = LogLevel.Information, Message = "Created signing key {KeyId} of app {AppId}, signing from {ActivatesAt:o}")]
    private static partial void LogKeyCreated(ILogger logger, string keyId, string appId, DateTimeOffset activatesAt);

    private sealed record Snapshot(IReadOnlyList<LoadedKey> Keys, DateTimeOffset LoadedAt);

    private sealed record LoadedKey(SigningKey Key, PublishedKey Published, Lazy<SigningCredentials> Credentials);
}

/// <summary>A published public key: its id, its JWK text, and the key to validate with.</summary>
internal sealed record PublishedKey(string KeyId, string Jwk, SecurityKey SecurityKey);
