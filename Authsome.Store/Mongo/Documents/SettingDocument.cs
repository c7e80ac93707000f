using MongoDB.Bson;
using static Authsome.Store.Mongo.BsonWrite;

namespace Authsome.Store.Mongo;

/// <summary><see cref="Setting"/> as stored in <c>authsome_settings</c>; the value is kept as the JSON text it was given.</summary>
internal static class SettingDocument
{
    public static BsonDocument ToBson(Setting setting) => new()
    {
        { Field.Id, Id(setting.Id) },
        { Field.Key, Text(setting.Key) },
        { Field.Scope, Enum(setting.Scope) },
        { Field.ScopeId, Text(setting.ScopeId) },
        { Field.Value, Text(setting.Value) },
        { Field.CreatedAt, Date(setting.CreatedAt) },
        { Field.UpdatedAt, Date(setting.UpdatedAt) },
    };

    public static Setting FromBson(BsonDocument d) => new()
    {
        Id = d.Id<Setting>(Field.Id),
        Key = d.Text(Field.Key),
        Scope = d.Enum<SettingScope>(Field.Scope),
        ScopeId = d.Text(Field.ScopeId),
        Value = d.Text(Field.Value),
        CreatedAt = d.Date(Field.CreatedAt),
        UpdatedAt = d.Date(Field.UpdatedAt),
    };
}
