using MongoDB.Bson;
using static Authsome.Store.Mongo.BsonWrite;

namespace Authsome.Store.Mongo;

/// <summary>
/// <see cref="RevokedRefreshToken"/> as stored in <c>authsome_revoked_refresh_tokens</c>. The token hash is the
/// <c>_id</c>, so a hash can be revoked only once (the insert is what decides a rotation race). The session's app is
/// kept too, so deleting an app can find its revoked tokens.
/// </summary>
internal static class RevokedRefreshTokenDocument
{
    public static BsonDocument ToBson(RevokedRefreshToken token, Id<App> appId) => new()
    {
        { Field.Id, Hash(token.TokenHash) },
        { Field.AppId, Id(appId) },
        { Field.FamilyId, Id(token.FamilyId) },
        { Field.UserId, Id(token.UserId) },
        { Field.Reason, Text(token.Reason) },
        { Field.RevokedAt, Date(token.RevokedAt) },
        { Field.ExpiresAt, Date(token.ExpiresAt) },
        { Field.ReplayedAt, Date(token.ReplayedAt) },
    };

    public static RevokedRefreshToken FromBson(BsonDocument d) => new()
    {
        TokenHash = d.Hash(Field.Id),
        FamilyId = d.Id<Session>(Field.FamilyId),
        UserId = d.Id<User>(Field.UserId),
        Reason = d.Text(Field.Reason),
        RevokedAt = d.Date(Field.RevokedAt),
        ExpiresAt = d.Date(Field.ExpiresAt),
        ReplayedAt = d.OptionalDate(Field.ReplayedAt),
    };
}
