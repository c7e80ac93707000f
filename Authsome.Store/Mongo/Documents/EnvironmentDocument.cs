using MongoDB.Bson;
using static Authsome.Store.Mongo.BsonWrite;

namespace Authsome.Store.Mongo;

/// <summary><see cref="AppEnvironment"/> as stored in <c>authsome_environments</c>.</summary>
internal static class EnvironmentDocument
{
    public static BsonDocument ToBson(AppEnvironment environment) => new()
    {
        { Field.Id, Id(environment.Id) },
        { Field.AppId, Id(environment.AppId) },
        { Field.Name, Text(environment.Name) },
        { Field.Slug, Text(environment.Slug) },
        { Field.Type, Enum(environment.Type) },
        { Field.IsDefault, environment.IsDefault },
        { Field.Settings, Map(environment.Settings) },
        { Field.CreatedAt, Date(environment.CreatedAt) },
        { Field.UpdatedAt, Date(environment.UpdatedAt) },
    };

    public static AppEnvironment FromBson(BsonDocument d) => new()
    {
        Id = d.Id<AppEnvironment>(Field.Id),
        AppId = d.Id<App>(Field.AppId),
        Name = d.Text(Field.Name),
        Slug = d.Text(Field.Slug),
        Type = d.Enum<EnvironmentType>(Field.Type),
        IsDefault = d.Bool(Field.IsDefault),
        Settings = d.Map(Field.Settings),
        CreatedAt = d.Date(Field.CreatedAt),
        UpdatedAt = d.Date(Field.UpdatedAt),
    };
}
