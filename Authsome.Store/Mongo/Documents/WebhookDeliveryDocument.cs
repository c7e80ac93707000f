using MongoDB.Bson;
using static Authsome.Store.Mongo.BsonWrite;

namespace Authsome.Store.Mongo;

/// <summary><see cref="WebhookDelivery"/> as stored in <c>authsome_webhook_deliveries</c>.</summary>
internal static class WebhookDeliveryDocument
{
    public static BsonDocument ToBson(WebhookDelivery delivery) => new()
    {
        { Field.Id, Id(delivery.Id) },
        { Field.AppId, Id(delivery.AppId) },
        { Field.WebhookId, Id(delivery.WebhookId) },
        { Field.EventId, Text(delivery.EventId) },
        { Field.EventType, Text(delivery.EventType) },
        { Field.Payload, Text(delivery.Payload) },
        { Field.Status, Enum(delivery.Status) },
        { Field.Attempts, delivery.Attempts },
        { Field.NextAttemptAt, Date(delivery.NextAttemptAt) },
        { Field.LeaseUntil, Date(delivery.LeaseUntil) },
        { Field.LastAttemptAt, Date(delivery.LastAttemptAt) },
        { Field.ResponseStatus, Int(delivery.ResponseStatus) },
        { Field.LatencyMs, Int(delivery.LatencyMs) },
        { Field.ResponseBody, Text(delivery.ResponseBody) },
        { Field.Error, Text(delivery.Error) },
        { Field.CreatedAt, Date(delivery.CreatedAt) },
        { Field.UpdatedAt, Date(delivery.UpdatedAt) },
    };

    public static WebhookDelivery FromBson(BsonDocument d) => new()
    {
        Id = d.Id<WebhookDelivery>(Field.Id),
        AppId = d.Id<App>(Field.AppId),
        WebhookId = d.Id<Webhook>(Field.WebhookId),
        EventId = d.Text(Field.EventId),
        EventType = d.Text(Field.EventType),
        Payload = d.Text(Field.Payload),
        Status = d.Enum<WebhookDeliveryStatus>(Field.Status),
        Attempts = d.Int(Field.Attempts),
        NextAttemptAt = d.Date(Field.NextAttemptAt),
        LeaseUntil = d.OptionalDate(Field.LeaseUntil),
        LastAttemptAt = d.OptionalDate(Field.LastAttemptAt),
        ResponseStatus = d.OptionalInt(Field.ResponseStatus),
        LatencyMs = d.OptionalInt(Field.LatencyMs),
        ResponseBody = d.OptionalText(Field.ResponseBody),
        Error = d.OptionalText(Field.Error),
        CreatedAt = d.Date(Field.CreatedAt),
        UpdatedAt = d.Date(Field.UpdatedAt),
    };
}
