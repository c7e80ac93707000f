namespace Authsome.Store;

/// <summary>Sessions, looked up by the hash of their access or refresh token, and the record of rotated-out refresh tokens.</summary>
public interface ISessionStore
{
    /// <summary>Stores a new session. Throws <see cref="StoreConflictException"/> (Duplicate) when the id or a token hash is taken.</summary>
    ValueTask CreateAsync(Session session, CancellationToken cancellationToken);

    /// <summary>The session with this id, or null. Expiry is not checked: the caller decides.</summary>
    ValueTask<Session?> GetAsync(Id<Session> id, CancellationToken cancellationToken);

    /// <summary>The session whose access token hashes to this, or null. The authentication hot path: served by an index.</summary>
    ValueTask<Session?> GetByTokenHashAsync(SecretHash tokenHash, CancellationToken cancellationToken);

    /// <summary>
    /// The session whose access token hashes to this together with its user, in one lookup where the backend can
    /// (a join on the relational stores), or null when there is no such session or its user is gone (deleted).
    /// Expiry and bans are not checked: the caller decides. The authentication hot path.
    /// </summary>
    ValueTask<SessionWithUser?> GetWithUserByTokenHashAsync(SecretHash tokenHash, CancellationToken cancellationToken);

    /// <summary>The session whose current refresh token hashes to this, or null.</summary>
    ValueTask<Session?> GetByRefreshTokenHashAsync(SecretHash refreshTokenHash, CancellationToken cancellationToken);

    /// <summary>
    /// The session whose current refresh token hashes to this together with its user, in one lookup where the backend
    /// can, or null when there is no such session or its user is gone (deleted). Expiry and bans are not checked:
    /// the caller decides. The refresh hot path.
    /// </summary>
    ValueTask<SessionWithUser?> GetWithUserByRefreshTokenHashAsync(SecretHash refreshTokenHash, CancellationToken cancellationToken);

    /// <summary>Replaces a session's fields (not its id, user or family). Throws <see cref="StoreNotFoundException"/> when absent.</summary>
    ValueTask UpdateAsync(Session session, CancellationToken cancellationToken);

    /// <summary>
    /// Compare-and-swap rotation: replaces the stored session with <paramref name="rotated"/> (same id) only if
    /// its current refresh-token hash is <paramref name="expectedRefreshTokenHash"/>, and in the same atomic step
    /// records that hash as a <see cref="RevokedRefreshToken"/> of the family and user (reason "rotated", revoked at
    /// <paramref name="rotated"/>'s <see cref="Session.UpdatedAt"/>, expiring when the old refresh token would have).
    /// Like <see cref="UpdateAsync"/>, it keeps the stored id, user and family. Returns false, changing nothing, when another rotation won or the session is gone.
    /// </summary>
    ValueTask<bool> RotateAsync(Session rotated, SecretHash expectedRefreshTokenHash, CancellationToken cancellationToken);

    /// <summary>
    /// Sets the last activity and access expiry, and nothing else, only while the session's access token still hashes
    /// to <paramref name="tokenHash"/> (a refresh in between wins: its new token keeps its own expiry); false when the
    /// session is gone or its token changed.
    /// </summary>
    ValueTask<bool> TouchAsync(Id<Session> id, SecretHash tokenHash, DateTimeOffset lastActivityAt, DateTimeOffset expiresAt, CancellationToken cancellationToken);

    /// <summary>Deletes a session; false when there was none.</summary>
    ValueTask<bool> DeleteAsync(Id<Session> id, CancellationToken cancellationToken);

    /// <summary>Deletes every session of a user, except <paramref name="except"/> when given; returns how many.</summary>
    ValueTask<int> DeleteByUserAsync(Id<User> userId, Id<Session>? except, CancellationToken cancellationToken);

    /// <summary>Deletes every session of a family (reuse detected); returns how many.</summary>
    ValueTask<int> DeleteFamilyAsync(Id<Session> familyId, CancellationToken cancellationToken);

    /// <summary>A user's sessions, in id order.</summary>
    ValueTask<IReadOnlyList<Session>> ListByUserAsync(Id<User> userId, CancellationToken cancellationToken);

    /// <summary>An app's sessions, in id order.</summary>
    ValueTask<Page<Session>> ListByAppAsync(Id<App> appId, PageRequest page, CancellationToken cancellationToken);

    /// <summary>How many of a user's sessions can still be refreshed at <paramref name="now"/>.</summary>
    ValueTask<int> CountActiveAsync(Id<User> userId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The revocation record of a rotated-out refresh token, or null.</summary>
    ValueTask<RevokedRefreshToken?> GetRevokedRefreshTokenAsync(SecretHash tokenHash, CancellationToken cancellationToken);

    /// <summary>Marks a revoked refresh token as replayed at <paramref name="at"/>; true only for the first call (the one that should revoke the family), false for an unknown hash.</summary>
    ValueTask<bool> MarkRefreshTokenReplayedAsync(SecretHash tokenHash, DateTimeOffset at, CancellationToken cancellationToken);
}
