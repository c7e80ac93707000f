using MongoDB.Bson;
using static Authsome.Store.Mongo.BsonWrite;

namespace Authsome.Store.Mongo;

/// <summary><see cref="PasswordReset"/> as stored in <c>authsome_password_resets</c>.</summary>
internal static class PasswordResetDocument
{
    public static BsonDocument ToBson(PasswordReset reset) => new()
    {
        { Field.Id, Id(reset.Id) },
        { Field.AppId, Id(reset.AppId) },
        { Field.UserId, Id(reset.UserId) },
        { Field.TokenHash, Hash(reset.TokenHash) },
        { Field.ExpiresAt, Date(reset.ExpiresAt) },
        { Field.ConsumedAt, Date(reset.ConsumedAt) },
        { Field.CreatedAt, Date(reset.CreatedAt) },
    };

    public static PasswordReset FromBson(BsonDocument d) => new()
    {
        Id = d.Id<PasswordReset>(Field.Id),
        AppId = d.Id<App>(Field.AppId),
        UserId = d.Id<User>(Field.UserId),
        TokenHash = d.Hash(Field.TokenHash),
        ExpiresAt = d.Date(Field.ExpiresAt),
        ConsumedAt = d.OptionalDate(Field.ConsumedAt),
        CreatedAt = d.Date(Field.CreatedAt),
    };
}
