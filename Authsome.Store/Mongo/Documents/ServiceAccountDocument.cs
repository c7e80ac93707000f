using MongoDB.Bson;
using static Authsome.Store.Mongo.BsonWrite;

namespace Authsome.Store.Mongo;

/// <summary><see cref="ServiceAccount"/> as stored in <c>authsome_service_accounts</c>.</summary>
internal static class ServiceAccountDocument
{
    public static BsonDocument ToBson(ServiceAccount account) => new()
    {
        { Field.Id, Id(account.Id) },
        { Field.AppId, Id(account.AppId) },
        { Field.Name, Text(account.Name) },
        { Field.Description, Text(account.Description) },
        { Field.Scopes, Strings(account.Scopes) },
        { Field.Disabled, account.Disabled },
        { Field.CreatedAt, Date(account.CreatedAt) },
        { Field.UpdatedAt, Date(account.UpdatedAt) },
    };

    public static ServiceAccount FromBson(BsonDocument d) => new()
    {
        Id = d.Id<ServiceAccount>(Field.Id),
        AppId = d.Id<App>(Field.AppId),
        Name = d.Text(Field.Name),
        Description = d.OptionalText(Field.Description),
        Scopes = d.Strings(Field.Scopes),
        Disabled = d.Bool(Field.Disabled),
        CreatedAt = d.Date(Field.CreatedAt),
        UpdatedAt = d.Date(Field.UpdatedAt),
    };
}
