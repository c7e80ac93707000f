using System.Collections.Immutable;

namespace Authsome.Store;

/// <summary>
/// An API key (<c>sk_live_...</c>). Only the SHA-256 of the secret is stored; <see cref="KeyPrefix"/> is the
/// visible start of the key, shown in listings so users can tell keys apart, and unique per app.
/// </summary>
public sealed record ApiKey : IHasIdPrefix
{
    /// <inheritdoc />
    public static string IdPrefix => "akey";

    public required Id<ApiKey> Id { get; init; }
    public required Id<App> AppId { get; init; }
    public Id<AppEnvironment>? EnvId { get; init; }
    public Id<User>? UserId { get; init; }
    public Id<ServiceAccount>? ServiceAccountId { get; init; }
    public required string Name { get; init; }
    public required string KeyPrefix { get; init; }
    public required SecretHash KeyHash { get; init; }

    /// <summary>An optional public identifier (publishable half of a key pair).</summary>
    public string? PublicKey { get; init; }
    public ImmutableArray<string> Scopes { get; init; } = [];
    public DateTimeOffset? ExpiresAt { get; init => field = StoreTime.Normalize(value); }
    public DateTimeOffset? LastUsedAt { get; init => field = StoreTime.Normalize(value); }
    public bool Revoked { get; init; }
    public required DateTimeOffset CreatedAt { get; init => field = StoreTime.Normalize(value); }
    public required DateTimeOffset UpdatedAt { get; init => field = StoreTime.Normalize(value); }
}
