using Authsome.Store;
using Authsome.Store.Memory;
using Authsome.Store.Mongo;
using Authsome.Store.Plugins;
using Authsome.Store.Relational;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Authsome.SamplePlugin.Plugin;

/// <summary>The plugin's sub-store: the sign-ins its hook recorded, in its own table of its own migration group.</summary>
public interface ISignInRecords
{
    /// <summary>Records a sign-in of <paramref name="userId"/> at <paramref name="at"/>.</summary>
    ValueTask AddAsync(Id<User> userId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>How many sign-ins of <paramref name="userId"/> are recorded.</summary>
    ValueTask<int> CountAsync(Id<User> userId, CancellationToken cancellationToken);
}

/// <summary>How every shipped backend builds <see cref="ISignInRecords"/>, through its own connection and write path.</summary>
public static class SignInRecordStore
{
    private const string Entity = "sample sign-in";
    private const string Table = OneTimeCodeMigrations.SignInsTable;

    /// <summary>The declaration, given to <c>AuthsomeBuilder.AddPluginStore</c>.</summary>
    public static PluginStoreDefinition<ISignInRecords> Definition { get; } = new(OneTimeCodePlugin.PluginName, OneTimeCodeMigrations.Group)
    {
        Relational = context => new Relational(context),
        Mongo = context => new Mongo(context),
        Memory = context => new Memory(context),
    };

    private sealed class Relational(RelationalPluginContext db) : ISignInRecords
    {
        public async ValueTask AddAsync(Id<User> userId, DateTimeOffset at, CancellationToken cancellationToken) =>
            await db.WriteAsync(
                Entity,
                s => s.ExecuteAsync($"INSERT INTO {Table} (id, user_id, created_at) VALUES (@id, @userId, @at)", new { id = Guid.CreateVersion7().ToString("N"), userId = userId.ToString(), at = db.Time(at) }, cancellationToken),
                cancellationToken).ConfigureAwait(false);

        public async ValueTask<int> CountAsync(Id<User> userId, CancellationToken cancellationToken) =>
            (await db.ReadAsync(
                Entity,
                s => s.QueryAsync($"SELECT id FROM {Table} WHERE user_id = @userId", new { userId = userId.ToString() }, r => r.Text("id"), cancellationToken),
                cancellationToken).ConfigureAwait(false)).Count;
    }

    private sealed class Mongo : ISignInRecords
    {
        private readonly MongoPluginContext _context;
        private readonly IMongoCollection<BsonDocument> _collection;

        public Mongo(MongoPluginContext context)
        {
            _context = context;
            _collection = context.Collection(Table);
            context.DeleteWithUsers(Table, "user_id");
        }

        public async ValueTask AddAsync(Id<User> userId, DateTimeOffset at, CancellationToken cancellationToken) =>
            await _context.RunAsync(Entity, async () =>
            {
                await _collection.InsertOneAsync(
                    new BsonDocument { ["_id"] = Guid.CreateVersion7().ToString("N"), ["user_id"] = userId.ToString(), ["created_at"] = new BsonDateTime(at.UtcDateTime) },
                    cancellationToken: cancellationToken).ConfigureAwait(false);
                return true;
            }).ConfigureAwait(false);

        public async ValueTask<int> CountAsync(Id<User> userId, CancellationToken cancellationToken) =>
            await _context.RunAsync(Entity, async () =>
                (int)await _collection.CountDocumentsAsync(Builders<BsonDocument>.Filter.Eq("user_id", userId.ToString()), cancellationToken: cancellationToken).ConfigureAwait(false))
            .ConfigureAwait(false);
    }

    private sealed class Memory : ISignInRecords
    {
        private readonly MemoryPluginContext _context;
        private readonly Dictionary<Id<User>, int> _counts = [];

        public Memory(MemoryPluginContext context)
        {
            _context = context;
            context.DeleteWithUsers(users =>
            {
                foreach (var user in users)
                {
                    _counts.Remove(user);
                }
            });
        }

        public ValueTask AddAsync(Id<User> userId, DateTimeOffset at, CancellationToken cancellationToken) =>
            _context.RunAsync(
                () =>
                {
                    _context.EnsureUserExists(userId, Entity);
                    _counts[userId] = _counts.GetValueOrDefault(userId) + 1;
                },
                cancellationToken);

        public ValueTask<int> CountAsync(Id<User> userId, CancellationToken cancellationToken) =>
            _context.RunAsync(() => _counts.GetValueOrDefault(userId), cancellationToken);
    }
}
