namespace Authsome.Store.Memory;

internal sealed class MemorySessionStore(MemoryState state) : ISessionStore
{
    private const string RotatedReason = "rotated";

    private MemoryTable<Session> Sessions => state.Sessions;

    public ValueTask CreateAsync(Session session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        return state.Run(() => Sessions.Insert(session), cancellationToken);
    }

    public ValueTask<Session?> GetAsync(Id<Session> id, CancellationToken cancellationToken) =>
        state.Run(() => Sessions.Get(id), cancellationToken);

    public ValueTask<Session?> GetByTokenHashAsync(SecretHash tokenHash, CancellationToken cancellationToken) =>
        state.Run(() => Sessions.Find(state.SessionsByToken, tokenHash), cancellationToken);

    public ValueTask<SessionWithUser?> GetWithUserByTokenHashAsync(SecretHash tokenHash, CancellationToken cancellationToken) =>
        GetWithUserAsync(state.SessionsByToken, tokenHash, cancellationToken);

    public ValueTask<Session?> GetByRefreshTokenHashAsync(SecretHash refreshTokenHash, CancellationToken cancellationToken) =>
        state.Run(() => Sessions.Find(state.SessionsByRefreshToken, refreshTokenHash), cancellationToken);

    public ValueTask<SessionWithUser?> GetWithUserByRefreshTokenHashAsync(SecretHash refreshTokenHash, CancellationToken cancellationToken) =>
        GetWithUserAsync(state.SessionsByRefreshToken, refreshTokenHash, cancellationToken);

    public ValueTask UpdateAsync(Session session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        return state.Run(
            () =>
            {
                var stored = Sessions.Get(session.Id) ?? throw new StoreNotFoundException(Sessions.Entity);
                Sessions.Replace(KeepIdentity(session, stored));
            },
            cancellationToken);
    }

    public ValueTask<bool> RotateAsync(Session rotated, SecretHash expectedRefreshTokenHash, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rotated);
        return state.Run(
            () =>
            {
                if (Sessions.Get(rotated.Id) is not { } stored || stored.RefreshTokenHash != expectedRefreshTokenHash)
                {
                    return false;
                }

                // Replace first: it is the step that can refuse (a token hash taken), and it changes nothing when it does.
                Sessions.Replace(KeepIdentity(rotated, stored));
                state.Journal.Set(state.RevokedRefreshTokens, expectedRefreshTokenHash, new RevokedRefreshToken
                {
                    TokenHash = expectedRefreshTokenHash,
                    FamilyId = stored.FamilyId,
                    UserId = stored.UserId,
                    Reason = RotatedReason,
                    RevokedAt = rotated.UpdatedAt,
                    ExpiresAt = stored.RefreshTokenExpiresAt,
                });
                return true;
            },
            cancellationToken);
    }

    public ValueTask<bool> TouchAsync(Id<Session> id, SecretHash tokenHash, DateTimeOffset lastActivityAt, DateTimeOffset expiresAt, CancellationToken cancellationToken) =>
        state.Run(
            () =>
            {
                if (Sessions.Get(id) is not { } stored || stored.TokenHash != tokenHash)
                {
                    return false;
                }

                Sessions.Replace(stored with { LastActivityAt = lastActivityAt, ExpiresAt = expiresAt });
                return true;
            },
            cancellationToken);

    public ValueTask<bool> DeleteAsync(Id<Session> id, CancellationToken cancellationToken) =>
        state.Run(() => Sessions.Remove(id), cancellationToken);

    public ValueTask<int> DeleteByUserAsync(Id<User> userId, Id<Session>? except, CancellationToken cancellationToken) =>
        state.Run(() => Sessions.RemoveWhere(s => s.UserId == userId && s.Id != except).Count, cancellationToken);

    public ValueTask<int> DeleteFamilyAsync(Id<Session> familyId, CancellationToken cancellationToken) =>
        state.Run(() => Sessions.RemoveWhere(s => s.FamilyId == familyId).Count, cancellationToken);

    public ValueTask<IReadOnlyList<Session>> ListByUserAsync(Id<User> userId, CancellationToken cancellationToken) =>
        state.Run<IReadOnlyList<Session>>(() => [.. Sessions.Where(s => s.UserId == userId)], cancellationToken);

    public ValueTask<Page<Session>> ListByAppAsync(Id<App> appId, PageRequest page, CancellationToken cancellationToken) =>
        state.Run(() => Sessions.Page(s => s.AppId == appId, page), cancellationToken);

    public ValueTask<int> CountActiveAsync(Id<User> userId, DateTimeOffset now, CancellationToken cancellationToken) =>
        state.Run(() => Sessions.Rows.Count(s => s.UserId == userId && s.RefreshTokenExpiresAt > now), cancellationToken);

    public ValueTask<RevokedRefreshToken?> GetRevokedRefreshTokenAsync(SecretHash tokenHash, CancellationToken cancellationToken) =>
        state.Run(() => state.RevokedRefreshTokens.GetValueOrDefault(tokenHash), cancellationToken);

    public ValueTask<bool> MarkRefreshTokenReplayedAsync(SecretHash tokenHash, DateTimeOffset at, CancellationToken cancellationToken) =>
        state.Run(
            () =>
            {
                if (!state.RevokedRefreshTokens.TryGetValue(tokenHash, out var revoked) || revoked.ReplayedAt is not null)
                {
                    return false;
                }

                state.Journal.Set(state.RevokedRefreshTokens, tokenHash, revoked with { ReplayedAt = at });
                return true;
            },
            cancellationToken);

    // A session never changes hands or family once created.
    private static Session KeepIdentity(Session incoming, Session stored) =>
        incoming with { UserId = stored.UserId, FamilyId = stored.FamilyId };

    private ValueTask<SessionWithUser?> GetWithUserAsync(MemoryIndex<Session> index, SecretHash hash, CancellationToken cancellationToken) =>
        state.Run(
            () => Sessions.Find(index, hash) is { } session && state.Users.Get(session.UserId) is { DeletedAt: null } user
                ? new SessionWithUser(session, user)
                : null,
            cancellationToken);
}
