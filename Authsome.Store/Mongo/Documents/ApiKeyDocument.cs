using MongoDB.Bson;
using static Authsome.Store.Mongo.BsonWrite;

namespace Authsome.Store.Mongo;

/// <summary><see cref="ApiKey"/> as stored in <c>authsome_api_keys</c>.</summary>
internal static class ApiKeyDocument
{
    public static BsonDocument ToBson(ApiKey key) => new()
    {
        { Field.Id, Id(key.Id) },
        { Field.AppId, Id(key.AppId) },
        { Field.EnvId, Id(key.EnvId) },
        { Field.UserId, Id(key.UserId) },
        { Field.ServiceAccountId, Id(key.ServiceAccountId) },
        { Field.Name, Text(key.Name) },
        { Field.KeyPrefix, Text(key.KeyPrefix) },
        { Field.KeyHash, Hash(key.KeyHash) },
        { Field.PublicKey, Text(key.PublicKey) },
        { Field.Scopes, Strings(key.Scopes) },
        { Field.ExpiresAt, Date(key.ExpiresAt) },
        { Field.LastUsedAt, Date(key.LastUsedAt) },
        { Field.Revoked, key.Revoked },
        { Field.CreatedAt, Date(key.CreatedAt) },
        { Field.UpdatedAt, Date(key.UpdatedAt) },
    };

    public static ApiKey FromBson(BsonDocument d) => new()
    {
        Id = d.Id<ApiKey>(Field.Id),
        AppId = d.Id<App>(Field.AppId),
        EnvId = d.OptionalId<AppEnvironment>(Field.EnvId),
        UserId = d.OptionalId<User>(Field.UserId),
        ServiceAccountId = d.OptionalId<ServiceAccount>(Field.ServiceAccountId),
        Name = d.Text(Field.Name),
        KeyPrefix = d.Text(Field.KeyPrefix),
        KeyHash = d.Hash(Field.KeyHash),
        PublicKey = d.OptionalText(Field.PublicKey),
        Scopes = d.Strings(Field.Scopes),
        ExpiresAt = d.OptionalDate(Field.ExpiresAt),
        LastUsedAt = d.OptionalDate(Field.LastUsedAt),
        Revoked = d.Bool(Field.Revoked),
        CreatedAt = d.Date(Field.CreatedAt),
        UpdatedAt = d.Date(Field.UpdatedAt),
    };
}
