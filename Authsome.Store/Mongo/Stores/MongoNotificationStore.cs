using MongoDB.Bson;
using MongoDB.Driver;
using static Authsome.Store.Mongo.MongoQueries;

namespace Authsome.Store.Mongo;

/// <summary>The notification queue (the durable mail outbox) in <c>authsome_notifications</c>.</summary>
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
                Update.Set(Field.Sent, true).Set(Field.SentAt, BsonWrite.Date(StoreTime.Normalize(at))).Set(Field.LeaseUntil, BsonNull.Value).Set(Field.Body, string.Empty),
                cancellationToken: cancellationToken).ConfigureAwait(false);
            return result.MatchedCount == 1;
        });

    public ValueTask<Page<Notification>> ListByUserAsync(Id<User> userId, PageRequest page, CancellationToken cancellationToken) =>
        MongoCall.RunAsync(Entity, () => _notifications.PageAsync(FieldIs(Field.UserId, userId), page, NotificationDocument.FromBson, n => n.Id, cancellationToken));

    public ValueTask<IReadOnlyList<Notification>> ClaimDueAsync(DateTimeOffset now, DateTimeOffset leaseUntil, int max, CancellationToken cancellationToken)
    {
        var at = BsonWrite.Date(StoreTime.Normalize(now));
        var due = Filter.Eq(Field.Sent, false)
            & Filter.Eq(Field.FailedAt, BsonNull.Value)
            & (Filter.Eq(Field.NextAttemptAt, BsonNull.Value) | Filter.Lte(Field.NextAttemptAt, at))
            & MongoLeases.Free(at);
        return MongoCall.RunAsync(Entity, () => MongoLeases.ClaimAsync(_notifications, due, leaseUntil, max, NotificationDocument.FromBson, cancellationToken));
    }

    public ValueTask<bool> RecordFailureAsync(Id<Notification> id, DateTimeOffset heldLease, DateTimeOffset at, DateTimeOffset? retryAt, string error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(error);
        var update = Update.Inc(Field.Attempts, 1).Set(Field.Error, error).Set(Field.LeaseUntil, BsonNull.Value);
        update = retryAt is { } retry
            ? update.Set(Field.NextAttemptAt, BsonWrite.Date(StoreTime.Normalize(retry)))
            : update.Set(Field.FailedAt, BsonWrite.Date(StoreTime.Normalize(at))).Set(Field.Body, string.Empty);
        return MongoCall.RunAsync(Entity, async () =>
            (await _notifications.UpdateOneAsync(IdIs(id) & Filter.Eq(Field.Sent, false) & MongoLeases.HeldAt(heldLease), update, cancellationToken: cancellationToken).ConfigureAwait(false)).MatchedCount == 1);
    }

    public ValueTask<int> CountSinceAsync(Id<User> userId, string type, DateTimeOffset since, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(type);
        var filter = FieldIs(Field.UserId, userId) & Filter.Eq(Field.Type, type) & Filter.Gte(Field.CreatedAt, BsonWrite.Date(StoreTime.Normalize(since)));
        return MongoCall.RunAsync(Entity, async () => (int)await _notifications.CountDocumentsAsync(filter, cancellationToken: cancellationToken).ConfigureAwait(false));
    }
}
