using MongoDB.Bson;
using static Authsome.Store.Mongo.BsonWrite;

namespace Authsome.Store.Mongo;

/// <summary><see cref="App"/> as stored in <c>authsome_apps</c>.</summary>
internal static class AppDocument
{
    public static BsonDocument ToBson(App app) => new()
    {
        { Field.Id, Id(app.Id) },
        { Field.Name, Text(app.Name) },
        { Field.Slug, Text(app.Slug) },
        { Field.Logo, Text(app.Logo) },
        { Field.PublishableKey, Text(app.PublishableKey) },
        { Field.IsPlatform, app.IsPlatform },
        { Field.Metadata, Map(app.Metadata) },
        { Field.CreatedAt, Date(app.CreatedAt) },
        { Field.UpdatedAt, Date(app.UpdatedAt) },
    };

    public static App FromBson(BsonDocument d) => new()
    {
        Id = d.Id<App>(Field.Id),
        Name = d.Text(Field.Name),
        Slug = d.Text(Field.Slug),
        Logo = d.OptionalText(Field.Logo),
        PublishableKey = d.Text(Field.PublishableKey),
        IsPlatform = d.Bool(Field.IsPlatform),
        Metadata = d.Map(Field.Metadata),
        CreatedAt = d.Date(Field.CreatedAt),
        UpdatedAt = d.Date(Field.UpdatedAt),
    };
}
