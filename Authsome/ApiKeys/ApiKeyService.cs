using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Authsome.Accounts;
using Authsome.Apps;
using Authsome.Errors;
using Authsome.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Authsome.ApiKeys;

/// <summary>Who owns an API key: a user or a service account.</summary>
internal readonly record struct ApiKeyOwner(Id<User>? UserId, Id<ServiceAccount>? ServiceAccountId)
{
    public static ApiKeyOwner Of(Id<User> userId) => new(userId, null);

    public static ApiKeyOwner Of(Id<ServiceAccount> accountId) => new(null, accountId);

    public bool Owns(ApiKey key) => key.UserId == UserId && key.ServiceAccountId == ServiceAccountId;
}

/// <summary>A key just made or rolled, with its secret in plain text: it exists only in this answer.</summary>
internal sealed record IssuedApiKey(ApiKey Key, string Secret);

/// <summary>
/// Makes, lists, rolls and revokes API keys, and checks presented keys. Only the SHA-256 of a secret is stored.
/// Every check reads the key from the store, so a revocation takes effect at once on every replica.
/// </summary>
internal sealed partial class ApiKeyService(
    IAuthsomeStore store,
    AppResolver apps,
    ApiKeyUsage usage,
    IOptionsMonitor<AuthsomeOptions> options,
    TimeProvider time,
    ILogger<ApiKeyService> logger)
{
    private const int MaxNameLength = 100;
    private const int MaxScopes = 32;

    private static readonly Regex ScopePattern = ScopeRegex();

    public async ValueTask<IssuedApiKey> CreateAsync(ApiKeyOwner owner, string? name, IReadOnlyList<string>? scopes, DateTimeOffset? expiresAt, CancellationToken cancellationToken)
    {
        var validName = InputRules.Required(name, "name").Trim();
        if (validName.Length > MaxNameLength)
        {
            throw InputRules.Invalid("name", $"At most {MaxNameLength} characters.");
        }

        var validScopes = ValidScopes(scopes);
        var now = time.GetStoreNow();
        if (expiresAt is { } expiry && expiry <= now)
        {
            throw InputRules.Invalid("expires_at", "Must be in the future.");
        }

        var app = await apps.GetAsync(cancellationToken);
        var owned = await ListAsync(owner, cancellationToken);
        if (owned.Count >= options.CurrentValue.ApiKeys.MaxKeysPerOwner)
        {
            throw InputRules.Invalid("name", $"An owner may hold at most {options.CurrentValue.ApiKeys.MaxKeysPerOwner} keys; delete unused ones first.");
        }

        var template = new ApiKey
        {
            Id = Id<ApiKey>.New(now),
            AppId = app.AppId,
            EnvId = app.EnvId,
            UserId = owner.UserId,
            ServiceAccountId = owner.ServiceAccountId,
            Name = validName,
            KeyPrefix = string.Empty,
            KeyHash = default,
            Scopes = validScopes,
            ExpiresAt = expiresAt,
            CreatedAt = now,
            UpdatedAt = now,
        };
        var issued = await StoreWithSecretAsync(template, app.Environment.Type == EnvironmentType.Production, cancellationToken);
        LogCreated(logger, issued.Key.Id.ToString(), issued.Key.KeyPrefix);
        return issued;
    }

    /// <summary>The owner's keys, in id order (no secrets).</summary>
    public async ValueTask<IReadOnlyList<ApiKey>> ListAsync(ApiKeyOwner owner, CancellationToken cancellationToken)
    {
        if (owner.UserId is { } userId)
        {
            return await store.ApiKeys.ListByUserAsync(userId, cancellationToken);
        }

        var app = await apps.GetAsync(cancellationToken);
        return [.. (await store.ApiKeys.ListByAppAsync(app.AppId, cancellationToken)).Where(owner.Owns)];
    }

    /// <summary>The owner's key with this id, or null (someone else's key and no key answer alike).</summary>
    public async ValueTask<ApiKey?> FindAsync(ApiKeyOwner owner, string id, CancellationToken cancellationToken) =>
        Id<ApiKey>.TryParse(id, out var keyId) && await store.ApiKeys.GetAsync(keyId, cancellationToken) is { } key && owner.Owns(key) ? key : null;

    /// <summary>Revokes a key: every later request with it gets 401 api_key_revoked.</summary>
    public async ValueTask<ApiKey> RevokeAsync(ApiKey key, CancellationToken cancellationToken)
    {
        var revoked = key with { Revoked = true, UpdatedAt = time.GetStoreNow() };
        await store.ApiKeys.UpdateAsync(revoked, cancellationToken);
        LogRevoked(logger, key.Id.ToString());
        return revoked;
    }

    /// <summary>
    /// Issues a new secret as a new key with the same owner, name, scopes and expiry; the old key keeps working for
    /// <see cref="ApiKeySettings.RollGracePeriod"/> (never longer than it would have), then expires.
    /// </summary>
    public async ValueTask<IssuedApiKey> RollAsync(ApiKey key, CancellationToken cancellationToken)
    {
        if (key.Revoked)
        {
            throw new AuthsomeException(AuthsomeErrors.ApiKeyRevoked, "A revoked key cannot be rolled.");
        }

        var now = time.GetStoreNow();
        var graceEnd = now + options.CurrentValue.ApiKeys.RollGracePeriod;
        var app = await apps.GetAsync(cancellationToken);
        var issued = await StoreWithSecretAsync(key with { Id = Id<ApiKey>.New(now), LastUsedAt = null, CreatedAt = now, UpdatedAt = now }, app.Environment.Type == EnvironmentType.Production, cancellationToken);
        await store.ApiKeys.UpdateAsync(key with { ExpiresAt = key.ExpiresAt is { } old && old < graceEnd ? old : graceEnd, UpdatedAt = now }, cancellationToken);
        LogRolled(logger, key.Id.ToString(), issued.Key.Id.ToString());
        return issued;
    }

    /// <summary>
    /// Checks a presented key. Malformed keys are refused without touching the store; otherwise the answer is the
    /// key and its owner, or the error to answer with (invalid, expired or revoked).
    /// </summary>
    public async ValueTask<(AuthenticatedApiKey? Key, AuthsomeError? Error)> AuthenticateAsync(string secret, CancellationToken cancellationToken)
    {
        if (!ApiKeySecret.IsWellFormed(secret))
        {
            return (null, AuthsomeErrors.ApiKeyInvalid);
        }

        var key = await store.ApiKeys.GetByKeyHashAsync(SecretHash.Of(secret), cancellationToken);
        var app = await apps.GetAsync(cancellationToken);
        if (key is null || key.AppId != app.AppId)
        {
            return (null, AuthsomeErrors.ApiKeyInvalid);
        }

        var now = time.GetStoreNow();
        if (key.Revoked)
        {
            return (null, AuthsomeErrors.ApiKeyRevoked);
        }

        if (key.ExpiresAt is { } expiry && expiry <= now)
        {
            return (null, AuthsomeErrors.ApiKeyExpired);
        }

        AuthenticatedApiKey? authenticated = null;
        if (key.UserId is { } userId)
        {
            var user = await store.Users.GetAsync(userId, cancellationToken);
            authenticated = user is null || user.IsBanned(now) ? null : new AuthenticatedApiKey(key, user, null);
        }
        else if (key.ServiceAccountId is { } accountId)
        {
            var account = await store.ServiceAccounts.GetAsync(accountId, cancellationToken);
            authenticated = account is null || account.Disabled ? null : new AuthenticatedApiKey(key, null, account);
        }

        if (authenticated is null)
        {
            return (null, AuthsomeErrors.ApiKeyInvalid);
        }

        usage.Record(key, now);
        return (authenticated, null);
    }

    private static ImmutableArray<string> ValidScopes(IReadOnlyList<string>? scopes)
    {
        if (scopes is null)
        {
            return [];
        }

        if (scopes.Count > MaxScopes)
        {
            throw InputRules.Invalid("scopes", $"At most {MaxScopes} scopes.");
        }

        if (scopes.Any(s => s is null || !ScopePattern.IsMatch(s)))
        {
            throw InputRules.Invalid("scopes", "A scope is 1 to 64 of a-z, 0-9 and _ : . - *, e.g. users:read.");
        }

        return [.. scopes.Distinct(StringComparer.Ordinal)];
    }

    private async ValueTask<IssuedApiKey> StoreWithSecretAsync(ApiKey template, bool live, CancellationToken cancellationToken)
    {
        // The visible prefix is unique per app; a clash (about one in 2^47 per pair of keys) just draws again.
        for (var attempt = 1; ; attempt++)
        {
            var secret = ApiKeySecret.New(live);
            var key = template with { KeyPrefix = ApiKeySecret.VisiblePrefix(secret), KeyHash = SecretHash.Of(secret) };
            try
            {
                await store.ApiKeys.CreateAsync(key, cancellationToken);
                return new IssuedApiKey(key, secret);
            }
            catch (StoreConflictException ex) when (ex.Kind == ConflictKind.KeyPrefixTaken && attempt < 3)
            {
            }
        }
    }

    [GeneratedRegex("^[a-z0-9_:.*-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex ScopeRegex();

    [LoggerMessage(EventId = 4402, Level = LogLevel.Information, Message = "Created API key {KeyId} ({KeyPrefix})")]
    private static partial void LogCreated(ILogger logger, string keyId, string keyPrefix);

    [LoggerMessage(EventId = 4403, Level = LogLevel.Information, Message = "Revoked API key {KeyId}")]
    private static partial void LogRevoked(ILogger logger, string keyId);

    [LoggerMessage(EventId = 4404, Level = LogLevel.Information, Message = "Rolled API key {KeyId} to {NewKeyId}")]
    private static partial void LogRolled(ILogger logger, string keyId, string newKeyId);
}
