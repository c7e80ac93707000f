using MongoDB.Bson;
using MongoDB.Driver;

namespace Authsome.Store.Mongo;

/// <summary>Query shapes every sub-store uses: by id, keyset pages, lists in id order, and field-wise replacement.</summary>
internal static class MongoQueries
{
    private const int MaxUpsertAttempts = 5;

    public static FilterDefinitionBuilder<BsonDocument> Filter => Builders<BsonDocument>.Filter;

    public static UpdateDefinitionBuilder<BsonDocument> Update => Builders<BsonDocument>.Update;

    public static SortDefinition<BsonDocument> ById { get; } = Builders<BsonDocument>.Sort.Ascending(Field.Id);

    public static FilterDefinition<BsonDocument> IdIs<T>(Id<T> id)
        where T : IHasIdPrefix => Filter.Eq(Field.Id, id.ToString());

    public static FilterDefinition<BsonDocument> FieldIs<T>(string field, Id<T> id)
        where T : IHasIdPrefix => Filter.Eq(field, id.ToString());

    /// <summary>A field that holds BSON null: what "not set" is in our documents, and what partial indexes test (<c>$type: "null"</c>).</summary>
    public static FilterDefinition<BsonDocument> IsNull(string field) => Filter.Type(field, BsonType.Null);

    /// <summary>A single-use token (verification, reset) that is unconsumed and not yet expired at <paramref name="now"/>.</summary>
    public static FilterDefinition<BsonDocument> Outstanding(DateTimeOffset now) =>
        IsNull(Field.ConsumedAt) & Filter.Gt(Field.ExpiresAt, BsonWrite.Date(StoreTime.Normalize(now)));

    public static UpdateDefinition<BsonDocument> ConsumeAt(DateTimeOffset now) =>
        Update.Set(Field.ConsumedAt, BsonWrite.Date(StoreTime.Normalize(now)));

    public static async Task<T?> FindOneAsync<T>(this IMongoCollection<BsonDocument> collection, FilterDefinition<BsonDocument> filter, Func<BsonDocument, T> map, CancellationToken cancellationToken)
        where T : class
    {
        var document = await collection.Find(filter).Limit(1).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return document is null ? null : map(document);
    }

    public static async Task<IReadOnlyList<T>> ListAsync<T>(this IMongoCollection<BsonDocument> collection, FilterDefinition<BsonDocument> filter, Func<BsonDocument, T> map, CancellationToken cancellationToken)
    {
        var documents = await collection.Find(filter).Sort(ById).ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. documents.Select(map)];
    }

    /// <summary>
    /// One keyset page in id order: up to <c>limit + 1</c> documents after the cursor (the extra one only proves a
    /// next page exists) and the count of everything the filter matches.
    /// </summary>
    public static async Task<Page<T>> PageAsync<T, TId>(this IMongoCollection<BsonDocument> collection, FilterDefinition<BsonDocument> filter, PageRequest page, Func<BsonDocument, T> map, Func<T, Id<TId>> idOf, CancellationToken cancellationToken)
        where TId : IHasIdPrefix
    {
        var after = page.After<TId>();
        var pageFilter = after is { } cursor ? filter & Filter.Gt(Field.Id, cursor.ToString()) : filter;
        var documents = await collection.Find(pageFilter).Sort(ById).Limit(page.Limit + 1).ToListAsync(cancellationToken).ConfigureAwait(false);
        var total = await collection.CountDocumentsAsync(filter, cancellationToken: cancellationToken).ConfigureAwait(false);
        return Page.FromOverfetch([.. documents.Select(map)], page, total, item => idOf(item).ToString());
    }

    /// <summary>
    /// Creates or replaces the one document matching <paramref name="naturalKey"/> (an organization's branding, an
    /// app's config, a setting), keeping the stored <c>_id</c> and <c>created_at</c> when one exists, and returns
    /// what is stored.
    /// </summary>
    public static Task<T> UpsertAsync<T>(this IMongoCollection<BsonDocument> collection, FilterDefinition<BsonDocument> naturalKey, BsonDocument document, Func<BsonDocument, T> map, CancellationToken cancellationToken) =>
        collection.UpsertAsync(naturalKey, document, name => name is Field.Id or Field.CreatedAt, map, cancellationToken);

    /// <summary>
    /// Inserts <paramref name="document"/> when nothing matches <paramref name="naturalKey"/>; otherwise sets its fields
    /// on the match, except those <paramref name="insertOnly"/> names, which keep their stored values. Returns what is
    /// stored. Two first saves can race to insert; the loser's duplicate-key error is answered by running the upsert
    /// again, which now finds the winner's document.
    /// </summary>
    /// <remarks>
    /// An update and then a read, not one <c>findOneAndUpdate</c>: the MongoDB-compatible server the tests run on
    /// answers a lost race of <c>findAndModify</c> with an error that is not a duplicate key (so it was not retried),
    /// where it answers <c>update</c> with 11000 as mongod does.
    /// </remarks>
    public static async Task<T> UpsertAsync<T>(
        this IMongoCollection<BsonDocument> collection,
        FilterDefinition<BsonDocument> naturalKey,
        BsonDocument document,
        Func<string, bool> insertOnly,
        Func<BsonDocument, T> map,
        CancellationToken cancellationToken)
    {
        var set = new BsonDocument();
        var setOnInsert = new BsonDocument();
        foreach (var element in document)
        {
            (insertOnly(element.Name) ? setOnInsert : set).Add(element);
        }

        var update = new BsonDocument { { "$set", set }, { "$setOnInsert", setOnInsert } };
        var options = new UpdateOptions { IsUpsert = true };
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await collection.UpdateOneAsync(naturalKey, update, options, cancellationToken).ConfigureAwait(false);
                break;
            }
            catch (MongoWriteException ex) when (attempt < MaxUpsertAttempts
                && MongoErrors.IsDuplicateKey(ex, out var index) && index != MongoIndexes.Id)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 10 * attempt)), cancellationToken).ConfigureAwait(false);
            }
        }

        var stored = await collection.Find(naturalKey).Limit(1).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return map(stored ?? throw new StoreException("A document saved a moment ago was deleted before it could be read back."));
    }

    /// <summary>A <c>$set</c> of every field of <paramref name="document"/> except <c>_id</c> and <paramref name="keep"/>: a replacement that leaves those fields as stored.</summary>
    public static UpdateDefinition<BsonDocument> SetAllExcept(BsonDocument document, params ReadOnlySpan<string> keep)
    {
        var set = new BsonDocument();
        foreach (var element in document)
        {
            if (element.Name != Field.Id && !keep.Contains(element.Name))
            {
                set.Add(element);
            }
        }

        return new BsonDocument("$set", set);
    }
}
