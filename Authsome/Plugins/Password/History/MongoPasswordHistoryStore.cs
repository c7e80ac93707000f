using Authsome.Store;
using Authsome.Store.Mongo;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Authsome.Plugins.Password.History;

/// <summary>Password history in the <c>authsome_password_history</c> collection of the store's MongoDB database; documents go with their user's app.</summary>
internal sealed class MongoPasswordHistoryStore : IPasswordHistoryStore
{
    private const string Entity = "password history";
    private const string Id = "_id";
    private const string UserId = "user_id";
    private const string PasswordHash = "password_hash";
    private const string CreatedAt = "created_at";

    private static readonly SortDefinition<BsonDocument> NewestFirst = Builders<BsonDocument>.Sort.Descending(CreatedAt).Descending(Id);

    private readonly MongoPluginContext _context;
    private readonly IMongoCollection<BsonDocument> _collection;

    public MongoPasswordHistoryStore(MongoPluginContext context)
    {
        _context = context;
        _collection = context.Collection(PasswordMigrations.HistoryTable);
        context.DeleteWithUsers(PasswordMigrations.HistoryTable, UserId);
    }

    public async ValueTask<IReadOnlyList<PasswordHistoryEntry>> GetRecentAsync(Id<User> userId, int count, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count == 0)
        {
            return []; // Limit(0) means no limit to MongoDB.
        }

        return await _context.RunAsync<IReadOnlyList<PasswordHistoryEntry>>(Entity, async () =>
        {
            var documents = await _collection.Find(Of(userId)).Sort(NewestFirst).Limit(count).ToListAsync(cancellationToken).ConfigureAwait(false);
            return [.. documents.Select(d => new PasswordHistoryEntry(d[PasswordHash].AsString, d[CreatedAt].ToUniversalTime()))];
        }).ConfigureAwait(false);
    }

    // Insert, then trim: without a transaction an interruption leaves one entry too many, which the next change trims.
    public async ValueTask AddAsync(Id<User> userId, PasswordHistoryEntry entry, int keep, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentOutOfRangeException.ThrowIfNegative(keep);
        var id = Guid.CreateVersion7(entry.CreatedAt).ToString("N");
        await _context.InTransactionAsync(Entity, async (session, ct) =>
        {
            await _context.EnsureUserExistsAsync(session, userId, Entity, ct).ConfigureAwait(false);
            await _collection.InsertOneAsync(session, new BsonDocument
            {
                [Id] = id,
                [UserId] = userId.ToString(),
                [PasswordHash] = entry.PasswordHash,
                [CreatedAt] = new BsonDateTime(entry.CreatedAt.UtcDateTime),
            }, cancellationToken: ct).ConfigureAwait(false);
            var stale = await _collection.Find(session, Of(userId)).Sort(NewestFirst).Skip(keep)
                .Project(Builders<BsonDocument>.Projection.Include(Id)).ToListAsync(ct).ConfigureAwait(false);
            if (stale.Count > 0)
            {
                await _collection.DeleteManyAsync(session, Builders<BsonDocument>.Filter.In(Id, stale.Select(d => d[Id])), cancellationToken: ct).ConfigureAwait(false);
            }

            return true;
        }, cancellationToken).ConfigureAwait(false);
    }

    private static FilterDefinition<BsonDocument> Of(Id<User> userId) => Builders<BsonDocument>.Filter.Eq(UserId, userId.ToString());
}
