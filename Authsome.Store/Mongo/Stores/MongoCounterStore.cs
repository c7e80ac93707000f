using MongoDB.Bson;
using MongoDB.Driver;
using static Authsome.Store.Mongo.MongoQueries;

namespace Authsome.Store.Mongo;

/// <summary>
/// Counters in <c>authsome_counters</c>, keyed by <c>_id</c> (unique by itself, so the collection needs no migration:
/// it is created by the first write). <see cref="IAuthsomeStore.PurgeExpiredAsync"/> removes counters whose window ended.
/// </summary>
internal sealed class MongoCounterStore(MongoContext context) : ICounterStore
{
    private const string Entity = "counter";
    private const int MaxAttempts = 5;
    private readonly IMongoCollection<BsonDocument> _counters = context.Collection(MongoCollections.Counters);

    private static readonly FindOneAndUpdateOptions<BsonDocument> s_after = new() { ReturnDocument = ReturnDocument.After };
    private static readonly FindOneAndUpdateOptions<BsonDocument> s_upsertAfter = new() { ReturnDocument = ReturnDocument.After, IsUpsert = true };

    public ValueTask<CounterState> IncrementAsync(string key, DateTimeOffset now, TimeSpan window, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        now = StoreTime.Normalize(now);
        var at = BsonWrite.Date(now);
        var restart = Update.Set(Field.Hits, 1).Set(Field.WindowEndsAt, BsonWrite.Date(StoreTime.Normalize(now + window)));
        return MongoCall.RunAsync(Entity, async () =>
        {
            // Without update pipelines (not every compatible server has them): count within a live window; else
            // restart an ended window or insert. Two inserts racing: the loser's duplicate key sends it round again.
            for (var attempt = 1; ; attempt++)
            {
                var counted = await _counters.FindOneAndUpdateAsync(
                    IdIs(key) & Filter.Gt(Field.WindowEndsAt, at), Update.Inc(Field.Hits, 1), s_after, cancellationToken).ConfigureAwait(false);
                if (counted is not null)
                {
                    return Read(counted);
                }

                try
                {
                    var restarted = await _counters.FindOneAndUpdateAsync(
                        IdIs(key) & Filter.Lte(Field.WindowEndsAt, at), restart, s_upsertAfter, cancellationToken).ConfigureAwait(false);
                    return Read(restarted);
                }
                catch (Exception ex) when (attempt < MaxAttempts && IsDuplicateId(ex))
                {
                    // Another caller created the counter between the two steps: count in its window.
                }
            }
        });
    }

    public ValueTask<CounterState?> GetAsync(string key, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var live = IdIs(key) & Filter.Gt(Field.WindowEndsAt, BsonWrite.Date(StoreTime.Normalize(now)));
        return MongoCall.RunAsync(Entity, async () =>
        {
            var document = await _counters.Find(live).Limit(1).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            return document is null ? (CounterState?)null : Read(document);
        });
    }

    public ValueTask<int> ResetAsync(string keyPrefix, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(keyPrefix);
        var prefix = Filter.Regex(Field.Id, new BsonRegularExpression("^" + MongoUserStore.LiteralPattern(keyPrefix)));
        return MongoCall.RunAsync(Entity, async () =>
            (int)(await _counters.DeleteManyAsync(prefix, cancellationToken).ConfigureAwait(false)).DeletedCount);
    }

    // Two requests: a delete and an upsert by one call would need a bulk write, and the upsert may have to go round again.
    public ValueTask<CounterState> ResetAndIncrementAsync(string resetPrefix, string key, DateTimeOffset now, TimeSpan window, CancellationToken cancellationToken) =>
        CounterKeys.ResetThenIncrementAsync(this, resetPrefix, key, now, window, cancellationToken);

    // Servers that are not mongod may answer a duplicate _id on an upsert with another code; the message says it.
    private static bool IsDuplicateId(Exception exception) =>
        MongoErrors.IsDuplicateKey(exception, out _)
        || (exception is MongoCommandException command && command.Message.Contains("duplicate key", StringComparison.OrdinalIgnoreCase));

    private static FilterDefinition<BsonDocument> IdIs(string key) => Filter.Eq(Field.Id, key);

    private static CounterState Read(BsonDocument d) => new(d.Int(Field.Hits), d.Date(Field.WindowEndsAt));
}
