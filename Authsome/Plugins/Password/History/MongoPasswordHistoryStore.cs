using Authsome.Store;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Authsome.Plugins.Password.History;

/// <summary>Password history in the <c>authsome_password_history</c> collection of the store's MongoDB database.</summary>
internal sealed class MongoPasswordHistoryStore(IMongoDatabase database) : IPasswordHistoryStore
{
    private const string UserId = "user_id";
    private const string PasswordHash = "password_hash";
    private const string CreatedAt = "created_at";

    private readonly IMongoCollection<BsonDocument> collection = database.GetCollection<BsonDocument>(PasswordMigrations.HistoryTable);

    public async ValueTask<IReadOnlyList<string>> GetRecentAsync(Id<User> userId, int count, CancellationToken cancellationToken)
    {
        try
        {
            var documents = await collection.Find(Builders<BsonDocument>.Filter.Eq(UserId, userId.ToString()))
                .Sort(Builders<BsonDocument>.Sort.Descending(CreatedAt).Descending("_id"))
                .Limit(count)
                .ToListAsync(cancellationToken);
            return [.. documents.Select(d => d[PasswordHash].AsString)];
        }
        catch (MongoException ex)
        {
            throw new StoreUnavailableException("The password history could not be read.", ex);
        }
    }

    public async ValueTask AddAsync(Id<User> userId, string passwordHash, DateTimeOffset at, int keep, CancellationToken cancellationToken)
    {
        try
        {
            var user = Builders<BsonDocument>.Filter.Eq(UserId, userId.ToString());
            await collection.InsertOneAsync(new BsonDocument
            {
                ["_id"] = Guid.CreateVersion7(at).ToString("N"),
                [UserId] = userId.ToString(),
                [PasswordHash] = passwordHash,
                [CreatedAt] = new BsonDateTime(StoreTime.Normalize(at).UtcDateTime),
            }, cancellationToken: cancellationToken);
            var stale = await collection.Find(user)
                .Sort(Builders<BsonDocument>.Sort.Descending(CreatedAt).Descending("_id"))
                .Skip(keep)
                .Project(Builders<BsonDocument>.Projection.Include("_id"))
                .ToListAsync(cancellationToken);
            if (stale.Count > 0)
            {
                await collection.DeleteManyAsync(Builders<BsonDocument>.Filter.In("_id", stale.Select(d => d["_id"])), cancellationToken);
            }
        }
        catch (MongoException ex)
        {
            throw new StoreUnavailableException("The password history could not be written.", ex);
        }
    }
}
