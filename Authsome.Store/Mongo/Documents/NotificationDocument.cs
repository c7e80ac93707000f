using MongoDB.Bson;
using static Authsome.Store.Mongo.BsonWrite;

namespace Authsome.Store.Mongo;

/// <summary><see cref="Notification"/> as stored in <c>authsome_notifications</c>.</summary>
internal static class NotificationDocument
{
    public static BsonDocument ToBson(Notification notification) => new()
    {
        { Field.Id, Id(notification.Id) },
        { Field.AppId, Id(notification.AppId) },
        { Field.UserId, Id(notification.UserId) },
        { Field.Type, Text(notification.Type) },
        { Field.Channel, Enum(notification.Channel) },
        { Field.Recipient, Text(notification.Recipient) },
        { Field.Subject, Text(notification.Subject) },
        { Field.Body, Text(notification.Body) },
        { Field.Sent, notification.Sent },
        { Field.SentAt, Date(notification.SentAt) },
        { Field.Attempts, notification.Attempts },
        { Field.NextAttemptAt, Date(notification.NextAttemptAt) },
        { Field.LeaseUntil, Date(notification.LeaseUntil) },
        { Field.FailedAt, Date(notification.FailedAt) },
        { Field.Error, Text(notification.Error) },
        { Field.CreatedAt, Date(notification.CreatedAt) },
    };

    public static Notification FromBson(BsonDocument d) => new()
    {
        Id = d.Id<Notification>(Field.Id),
        AppId = d.Id<App>(Field.AppId),
        UserId = d.OptionalId<User>(Field.UserId),
        Type = d.Text(Field.Type),
        Channel = d.Enum<NotificationChannel>(Field.Channel),
        Recipient = d.OptionalText(Field.Recipient),
        Subject = d.OptionalText(Field.Subject),
        Body = d.Text(Field.Body),
        Sent = d.Bool(Field.Sent),
        SentAt = d.OptionalDate(Field.SentAt),
        // Written before the outbox fields existed: absent means never tried.
        Attempts = d.OptionalInt(Field.Attempts) ?? 0,
        NextAttemptAt = d.OptionalDate(Field.NextAttemptAt),
        LeaseUntil = d.OptionalDate(Field.LeaseUntil),
        FailedAt = d.OptionalDate(Field.FailedAt),
        Error = d.OptionalText(Field.Error),
        CreatedAt = d.Date(Field.CreatedAt),
    };
}
