using MongoDB.Bson;
using MongoDB.Driver;
using static Authsome.Store.Mongo.MongoQueries;

namespace Authsome.Store.Mongo;

/// <summary>
/// Sessions in <c>authsome_sessions</c> and rotated-out refresh tokens in <c>authsome_revoked_refresh_tokens</c>.
/// A TTL index on <c>refresh_token_expires_at</c> removes sessions once they can no longer be refreshed.
/// </summary>
internal sealed class MongoSessionStore(MongoContext context) : ISessionStore
{
    private const string Entity = "session";
    private const string RevokedEntity = "revoked refresh token";
    private const string RotatedReason = "rotated";
    private readonly IMongoCollection<BsonDocument> _sessions = context.Collection(MongoCollections.Sessions);
    private readonly IMongoCollection<BsonDocument> _revoked = context.Collection(MongoCollections.RevokedRefreshTokens);
    private readonly IMongoCollection<BsonDocument> _users = context.Collection(MongoCollections.Users);

    public ValueTask CreateAsync(Session session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        return MongoCall.RunAsync(Entity, () => _sessions.InsertOneAsync(SessionDocument.ToBson(session), cancellationToken: cancellationToken));
    }

    public ValueTask<Session?> GetAsync(Id<Session> id, CancellationToken cancellationToken) =>
        MongoCall.RunAsync(Entity, () => _sessions.FindOneAsync(IdIs(id), SessionDocument.FromBson, cancellationToken));

    public ValueTask<Session?> GetByTokenHashAsync(SecretHash tokenHash, CancellationToken cancellationToken) =>
        MongoCall.RunAsync(Entity, () => _sessions.FindOneAsync(Filter.Eq(Field.TokenHash, tokenHash.Hex), SessionDocument.FromBson, cancellationToken));

    public ValueTask<SessionWithUser?> GetWithUserByTokenHashAsync(SecretHash tokenHash, CancellationToken cancellationToken) =>
        GetWithUserAsync(Field.TokenHash, tokenHash, cancellationToken);

    public ValueTask<Session?> GetByRefreshTokenHashAsync(SecretHash refreshTokenHash, CancellationToken cancellationToken) =>
        MongoCall.RunAsync(Entity, () => _sessions.FindOneAsync(Filter.Eq(Field.RefreshTokenHash, refreshTokenHash.Hex), SessionDocument.FromBson, cancellationToken));

    public ValueTask<SessionWithUser?> GetWithUserByRefreshTokenHashAsync(SecretHash refreshTokenHash, CancellationToken cancellationToken) =>
        GetWithUserAsync(Field.RefreshTokenHash, refreshTokenHash, cancellationToken);

    public ValueTask UpdateAsync(Session session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        return MongoCall.RunAsync(Entity, async () =>
        {
            var result = await _sessions.UpdateOneAsync(IdIs(session.Id), Replacement(session), cancellationToken: cancellationToken).ConfigureAwait(false);
            if (result.MatchedCount == 0)
            {
                throw new StoreNotFoundException(Entity);
            }
        });
    }

    /// <summary>
    /// The revoked-token record is inserted first, with the old hash as its <c>_id</c>: of concurrent rotations of
    /// one refresh token only one insert succeeds, so only one goes on to the filtered update (the compare-and-swap).
    /// On a replica set both writes are one transaction. On a standalone server a failed compare-and-swap removes
    /// the record again; only a crash between the two writes could leave it behind, and then the token is refused
    /// (the safe side) rather than accepted twice.
    /// </summary>
    public ValueTask<bool> RotateAsync(Session rotated, SecretHash expectedRefreshTokenHash, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rotated);
        return MongoCall.RunAsync(Entity, async () =>
        {
            var expected = expectedRefreshTokenHash.Hex;
            var casFilter = IdIs(rotated.Id) & Filter.Eq(Field.RefreshTokenHash, expected);
            var current = await _sessions.Find(casFilter).Limit(1).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            if (current is null)
            {
                return false;
            }

            var record = RevokedRefreshTokenDocument.ToBson(
                new RevokedRefreshToken
                {
                    TokenHash = expectedRefreshTokenHash,
                    FamilyId = current.Id<Session>(Field.FamilyId),
                    UserId = current.Id<User>(Field.UserId),
                    Reason = RotatedReason,
                    RevokedAt = rotated.UpdatedAt,
                    ExpiresAt = current.Date(Field.RefreshTokenExpiresAt),
                },
                current.Id<App>(Field.AppId));
            var update = Replacement(rotated);

            if (await context.SupportsTransactionsAsync(cancellationToken).ConfigureAwait(false))
            {
                try
                {
                    return await context.InTransactionAsync(
                        async (session, ct) =>
                        {
                            await _revoked.InsertOneAsync(session, record, cancellationToken: ct).ConfigureAwait(false);
                            var swapped = await _sessions.UpdateOneAsync(session, casFilter, update, cancellationToken: ct).ConfigureAwait(false);
                            return swapped.MatchedCount == 1 ? true : throw new RotationLostException();
                        },
                        cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is RotationLostException || IsAlreadyRevoked(ex))
                {
                    return false;
                }
            }

            try
            {
                await _revoked.InsertOneAsync(record, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (IsAlreadyRevoked(ex))
            {
                return false;
            }

            var swapped = false;
            try
            {
                swapped = (await _sessions.UpdateOneAsync(casFilter, update, cancellationToken: cancellationToken).ConfigureAwait(false)).MatchedCount == 1;
                return swapped;
            }
            finally
            {
                if (!swapped)
                {
                    await _revoked.DeleteOneAsync(Filter.Eq(Field.Id, expected), CancellationToken.None).ConfigureAwait(false);
                }
            }
        });
    }

    public ValueTask<bool> TouchAsync(Id<Session> id, SecretHash tokenHash, DateTimeOffset lastActivityAt, DateTimeOffset expiresAt, CancellationToken cancellationToken) =>
        MongoCall.RunAsync(Entity, async () =>
        {
            var update = Update
                .Set(Field.LastActivityAt, BsonWrite.Date(StoreTime.Normalize(lastActivityAt)))
                .Set(Field.ExpiresAt, BsonWrite.Date(StoreTime.Normalize(expiresAt)));
            var current = IdIs(id) & Filter.Eq(Field.TokenHash, BsonWrite.Hash(tokenHash));
            var result = await _sessions.UpdateOneAsync(current, update, cancellationToken: cancellationToken).ConfigureAwait(false);
            return result.MatchedCount > 0;
        });

    public ValueTask<bool> DeleteAsync(Id<Session> id, CancellationToken cancellationToken) =>
        MongoCall.RunAsync(Entity, async () =>
            (await _sessions.DeleteOneAsync(IdIs(id), cancellationToken).ConfigureAwait(false)).DeletedCount > 0);

    public ValueTask<int> DeleteByUserAsync(Id<User> userId, Id<Session>? except, CancellationToken cancellationToken)
    {
        var filter = FieldIs(Field.UserId, userId);
        if (except is { } keep)
        {
            filter &= Filter.Ne(Field.Id, keep.ToString());
        }

        return MongoCall.RunAsync(Entity, async () =>
            (int)(await _sessions.DeleteManyAsync(filter, cancellationToken).ConfigureAwait(false)).DeletedCount);
    }

    public ValueTask<int> DeleteFamilyAsync(Id<Session> familyId, CancellationToken cancellationToken) =>
        MongoCall.RunAsync(Entity, async () =>
            (int)(await _sessions.DeleteManyAsync(FieldIs(Field.FamilyId, familyId), cancellationToken).ConfigureAwait(false)).DeletedCount);

    public ValueTask<IReadOnlyList<Session>> ListByUserAsync(Id<User> userId, CancellationToken cancellationToken) =>
        MongoCall.RunAsync(Entity, () => _sessions.ListAsync(FieldIs(Field.UserId, userId), SessionDocument.FromBson, cancellationToken));

    public ValueTask<Page<Session>> ListByAppAsync(Id<App> appId, PageRequest page, CancellationToken cancellationToken) =>
        MongoCall.RunAsync(Entity, () => _sessions.PageAsync(FieldIs(Field.AppId, appId), page, SessionDocument.FromBson, s => s.Id, cancellationToken));

    public ValueTask<int> CountActiveAsync(Id<User> userId, DateTimeOffset now, CancellationToken cancellationToken) =>
        MongoCall.RunAsync(Entity, async () =>
        {
            var filter = FieldIs(Field.UserId, userId) & Filter.Gt(Field.RefreshTokenExpiresAt, BsonWrite.Date(StoreTime.Normalize(now)));
            return (int)await _sessions.CountDocumentsAsync(filter, cancellationToken: cancellationToken).ConfigureAwait(false);
        });

    public ValueTask<RevokedRefreshToken?> GetRevokedRefreshTokenAsync(SecretHash tokenHash, CancellationToken cancellationToken) =>
        MongoCall.RunAsync(RevokedEntity, () => _revoked.FindOneAsync(Filter.Eq(Field.Id, tokenHash.Hex), RevokedRefreshTokenDocument.FromBson, cancellationToken));

    public ValueTask<bool> MarkRefreshTokenReplayedAsync(SecretHash tokenHash, DateTimeOffset at, CancellationToken cancellationToken) =>
        MongoCall.RunAsync(RevokedEntity, async () =>
        {
            var result = await _revoked.UpdateOneAsync(
                Filter.Eq(Field.Id, tokenHash.Hex) & IsNull(Field.ReplayedAt),
                Update.Set(Field.ReplayedAt, BsonWrite.Date(StoreTime.Normalize(at))),
                cancellationToken: cancellationToken).ConfigureAwait(false);
            return result.ModifiedCount > 0;
        });

    /// <summary>The revoked-token record's insert met one with the same hash (its <c>_id</c>): another rotation won.</summary>
    private static bool IsAlreadyRevoked(Exception exception) =>
        MongoErrors.IsDuplicateKey(exception, out var index) && index == MongoIndexes.Id;

    /// <summary>Every field of the session except those that never change: its id, user and family.</summary>
    private static UpdateDefinition<BsonDocument> Replacement(Session session) =>
        SetAllExcept(SessionDocument.ToBson(session), Field.UserId, Field.FamilyId);

    /// <summary>Aborts a rotation's transaction when the compare-and-swap matched nothing.</summary>
    private sealed class RotationLostException : Exception;

    // Two reads by unique index (a token hash, then _id) rather than one $lookup aggregation: the pipeline is
    // costlier to plan than two point reads, and the user's read is skipped when there is no session.
    private ValueTask<SessionWithUser?> GetWithUserAsync(string hashField, SecretHash hash, CancellationToken cancellationToken) =>
        MongoCall.RunAsync<SessionWithUser?>(Entity, async () =>
        {
            var session = await _sessions.FindOneAsync(Filter.Eq(hashField, hash.Hex), SessionDocument.FromBson, cancellationToken).ConfigureAwait(false);
            if (session is null)
            {
                return null;
            }

            var user = await _users.FindOneAsync(IdIs(session.UserId) & MongoUserStore.Live, UserDocument.FromBson, cancellationToken).ConfigureAwait(false);
            return user is null ? null : new SessionWithUser(session, user);
        });
}
