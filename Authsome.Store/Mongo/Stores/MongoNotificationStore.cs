using MongoDB.Bson;
using MongoDB.Driver;
using static Authsome.Store.Mongo.MongoQueries;

namespace Authsome.Store.Mongo;

/// <summary>The notification queue in <c>authsome_notifications</c>.</summary>
internal sealed class MongoNotificationStore(MongoContext context) : INotificationStore
{
    private const string Entity = "notification";
    private readonly IMongoCollection<BsonDocument> _notifications = context.Collection(MongoCollections.Notifications);

    public ValueTask CreateAsync(Notification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        return MongoCall.RunAsync(Entity, () => _notifications.InsertOneAsync(NotificationDocument.ToBson(notification), cancellationToken: cancellationToken));
    }

    public ValueTask<Notification?> GetAsync(Id<Notification> id, CancellationToken cancellationToken) =>
        MongoCall.RunAsync(Entity, () => _notifications.FindOneAsync(IdIs(id), NotificationDocument.FromBson, cancellationToken));

    public ValueTask<bool> MarkSentAsync(Id<Notification> id, DateTimeOffset at, CancellationToken cancellationToken) =>
        MongoCall.RunAsync(Entity, async () =>
        {
            var result = await _notifications.UpdateOneAsync(
                IdIs(id) & Filter.Eq(Field.Sent, false),
                Update.Set(Field.Sent, true).Set(Field.SentAt, BsonWrite.Date(StoreTime.Normalize(at))),
                cancellationToken: cancellationToken).ConfigureAwait(false);
            return result.MatchedCount == 1;
        });

    public ValueTask<Page<Notification>> ListByUserAsync(Id<User> userId, PageRequest page, CancellationToken cancellationToken) =>
        MongoCall.RunAsync(Entity, () => _notifications.PageAsync(FieldIs(Field.UserId, userId), page, NotificationDocument.FromBson, n => n.Id, cancellationToken));
}
