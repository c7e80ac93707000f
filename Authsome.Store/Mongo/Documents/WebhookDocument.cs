using MongoDB.Bson;
using static Authsome.Store.Mongo.BsonWrite;

namespace Authsome.Store.Mongo;

/// <summary><see cref="Webhook"/> as stored in <c>authsome_webhooks</c>.</summary>
internal static class WebhookDocument
{
    public static BsonDocument ToBson(Webhook webhook) => new()
    {
        { Field.Id, Id(webhook.Id) },
        { Field.AppId, Id(webhook.AppId) },
        { Field.EnvId, Id(webhook.EnvId) },
        { Field.Url, Text(webhook.Url) },
        { Field.Events, Strings(webhook.Events) },
        { Field.Secret, Text(webhook.Secret) },
        { Field.Active, webhook.Active },
        { Field.FailingSince, Date(webhook.FailingSince) },
        { Field.CreatedBy, Id(webhook.CreatedBy) },
        { Field.CreatedAt, Date(webhook.CreatedAt) },
        { Field.UpdatedAt, Date(webhook.UpdatedAt) },
    };

    public static Webhook FromBson(BsonDocument d) => new()
    {
        Id = d.Id<Webhook>(Field.Id),
        AppId = d.Id<App>(Field.AppId),
        EnvId = d.OptionalId<AppEnvironment>(Field.EnvId),
        Url = d.Text(Field.Url),
        Events = d.Strings(Field.Events),
        Secret = d.Text(Field.Secret),
        Active = d.Bool(Field.Active),
        FailingSince = d.OptionalDate(Field.FailingSince),
        CreatedBy = d.OptionalId<User>(Field.CreatedBy),
        CreatedAt = d.Date(Field.CreatedAt),
        UpdatedAt = d.Date(Field.UpdatedAt),
    };
}
