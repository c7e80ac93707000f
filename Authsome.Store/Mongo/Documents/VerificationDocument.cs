using MongoDB.Bson;
using static Authsome.Store.Mongo.BsonWrite;

namespace Authsome.Store.Mongo;

/// <summary><see cref="Verification"/> as stored in <c>authsome_verifications</c>.</summary>
internal static class VerificationDocument
{
    public static BsonDocument ToBson(Verification verification) => new()
    {
        { Field.Id, Id(verification.Id) },
        { Field.AppId, Id(verification.AppId) },
        { Field.UserId, Id(verification.UserId) },
        { Field.Type, Enum(verification.Type) },
        { Field.Target, Text(verification.Target) },
        { Field.TokenHash, Hash(verification.TokenHash) },
        { Field.CodeHash, Hash(verification.CodeHash) },
        { Field.Attempts, verification.Attempts },
        { Field.ExpiresAt, Date(verification.ExpiresAt) },
        { Field.ConsumedAt, Date(verification.ConsumedAt) },
        { Field.CreatedAt, Date(verification.CreatedAt) },
    };

    public static Verification FromBson(BsonDocument d) => new()
    {
        Id = d.Id<Verification>(Field.Id),
        AppId = d.Id<App>(Field.AppId),
        UserId = d.Id<User>(Field.UserId),
        Type = d.Enum<VerificationType>(Field.Type),
        Target = d.OptionalText(Field.Target),
        TokenHash = d.Hash(Field.TokenHash),
        CodeHash = d.OptionalHash(Field.CodeHash),
        Attempts = d.Int(Field.Attempts),
        ExpiresAt = d.Date(Field.ExpiresAt),
        ConsumedAt = d.OptionalDate(Field.ConsumedAt),
        CreatedAt = d.Date(Field.CreatedAt),
    };
}
