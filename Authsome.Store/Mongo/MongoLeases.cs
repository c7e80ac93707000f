using MongoDB.Bson;
using MongoDB.Driver;
using static Authsome.Store.Mongo.MongoQueries;

namespace Authsome.Store.Mongo;

/// <summary>
/// Claiming outbox documents (webhook deliveries, notifications) with a lease: candidates are read in id order,
/// then each is taken with one conditional update that checks the due condition again, so two claimers never
/// both take a document.
/// </summary>
internal static class MongoLeases
{
    /// <summary>No lease, or one that ended at or before <paramref name="now"/>. Equality with null also matches a missing field.</summary>
    public static FilterDefinition<BsonDocument> Free(BsonValue now) =>
        Filter.Eq(Field.LeaseUntil, BsonNull.Value) | Filter.Lte(Field.LeaseUntil, now);

    /// <summary>The lease is exactly the one the caller took.</summary>
    public static FilterDefinition<BsonDocument> HeldAt(DateTimeOffset lease) =>
        Filter.Eq(Field.LeaseUntil, BsonWrite.Date(StoreTime.Normalize(lease)));

    public static async Task<IReadOnlyList<T>> ClaimAsync<T>(
        IMongoCollection<BsonDocument> collection,
        FilterDefinition<BsonDocument> due,
        DateTimeOffset leaseUntil,
        int max,
        Func<BsonDocument, T> map,
        CancellationToken cancellationToken)
    {
        var candidates = await collection.Find(due).Sort(ById).Limit(max)
            .Project(Builders<BsonDocument>.Projection.Include(Field.Id))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var take = Update.Set(Field.LeaseUntil, BsonWrite.Date(StoreTime.Normalize(leaseUntil)));
        var claimed = new List<T>(candidates.Count);
        foreach (var candidate in candidates)
        {
            var document = await collection.FindOneAndUpdateAsync(
                Filter.Eq(Field.Id, candidate[Field.Id]) & due,
                take,
                new FindOneAndUpdateOptions<BsonDocument> { ReturnDocument = ReturnDocument.After },
                cancellationToken).ConfigureAwait(false);
            if (document is not null)
            {
                claimed.Add(map(document));
            }
        }

        return claimed;
    }
}
