namespace Authsome.Store;

/// <summary>
/// A refresh token that was rotated out. Presenting it again is a replay: the token was stolen or the
/// client is broken, and the whole session family is revoked.
/// </summary>
public sealed record RevokedRefreshToken
{
    public required SecretHash TokenHash { get; init; }
    public required Id<Session> FamilyId { get; init; }
    public required Id<User> UserId { get; init; }

    /// <summary>Why it was revoked, e.g. "rotated".</summary>
    public required string Reason { get; init; }
    public required DateTimeOffset RevokedAt { get; init => field = StoreTime.Normalize(value); }

    /// <summary>When the token would have expired; after this the record may be purged.</summary>
    public required DateTimeOffset ExpiresAt { get; init => field = StoreTime.Normalize(value); }

    /// <summary>When it was first presented after revocation, or null.</summary>
    public DateTimeOffset? ReplayedAt { get; init => field = StoreTime.Normalize(value); }
}
