using MongoDB.Bson;
using MongoDB.Driver;
using static Authsome.Store.Mongo.MongoQueries;

namespace Authsome.Store.Mongo;

/// <summary>
/// What a plugin's MongoDB sub-store gets from a <see cref="MongoStore"/>: the store's database (only the plugin's
/// own collections, created by its migration group), its transactions where the server has them, and its error
/// contract. Run every driver call inside <see cref="RunAsync{T}"/> or <see cref="InTransactionAsync{T}"/>: a
/// duplicate key becomes <see cref="StoreConflictException"/> (<see cref="ConflictKind.Duplicate"/>), an unreachable
/// server <see cref="StoreUnavailableException"/>, anything else from the driver <see cref="StoreException"/>.
/// </summary>
/// <remarks>
/// MongoDB has no foreign keys: call <see cref="EnsureUserExistsAsync"/> before writing a document that belongs to a
/// user (as the relational backends' foreign keys would refuse it), and declare such collections with
/// <see cref="DeleteWithUsers"/> so that deleting an app removes them with its users (and with <see cref="DeleteWithTeams"/>
/// those that belong to a team, so that deleting an organization removes them with its teams). Store times as BSON dates of
/// <see cref="StoreTime.Normalize(DateTimeOffset)"/>.
/// </remarks>
public sealed class MongoPluginContext
{
    private readonly MongoContext _context;

    internal MongoPluginContext(MongoContext context) => _context = context;

    /// <summary>One of the plugin's collections, with documents as <see cref="BsonDocument"/>.</summary>
    public IMongoCollection<BsonDocument> Collection(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return _context.Collection(name);
    }

    /// <summary>
    /// Runs one operation and translates what the driver throws. A write conflict (a race lost to another writer,
    /// after which nothing of the failed write remains) runs the operation again, so it must be safe to repeat.
    /// </summary>
    public async Task<T> RunAsync<T>(string entity, Func<Task<T>> operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        return await MongoCall.RunAsync(entity, operation).ConfigureAwait(false);
    }

    /// <summary>Runs one operation that returns nothing; see <see cref="RunAsync{T}"/>.</summary>
    public async Task RunAsync(string entity, Func<Task> operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        await MongoCall.RunAsync(entity, operation).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction where the server supports them (a replica set or sharded
    /// cluster), in a plain session otherwise (order the writes so an interrupted run is finished by running it
    /// again); errors are translated as in <see cref="RunAsync{T}"/>. Pass the session to every call inside.
    /// </summary>
    public async Task<T> InTransactionAsync<T>(string entity, Func<IClientSessionHandle, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        return await MongoCall.RunAsync(entity, () => _context.InTransactionAsync(work, cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>
    /// Throws <see cref="StoreConflictException"/> (<see cref="ConflictKind.MissingReference"/>) when no user (live or
    /// soft-deleted) has this id: what a foreign key to <c>authsome_users</c> does on the relational backends. Call it
    /// inside <see cref="RunAsync{T}"/> or <see cref="InTransactionAsync{T}"/> (passing the session, or null).
    /// </summary>
    public async Task EnsureUserExistsAsync(IClientSessionHandle? session, Id<User> userId, string entity, CancellationToken cancellationToken)
    {
        var users = _context.Collection(MongoCollections.Users);
        var found = session is null
            ? users.Find(IdIs(userId))
            : users.Find(session, IdIs(userId));
        if (await found.Project(Builders<BsonDocument>.Projection.Include(Field.Id)).Limit(1).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false) is null)
        {
            throw new StoreConflictException(ConflictKind.MissingReference, entity);
        }
    }

    /// <summary>
    /// Declares that documents of <paramref name="collection"/> belong to the user whose id is in <paramref name="userIdField"/>:
    /// deleting an app deletes them with the app's users (what <c>ON DELETE CASCADE</c> does on the relational backends).
    /// Call it from the definition's <see cref="Plugins.PluginStoreDefinition{TStore}.Mongo"/> factory; repeating it is harmless.
    /// </summary>
    public void DeleteWithUsers(string collection, string userIdField = "user_id")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(collection);
        ArgumentException.ThrowIfNullOrWhiteSpace(userIdField);
        _context.UserOwnedCollections.TryAdd((collection, userIdField), 0);
    }

    /// <summary>
    /// Declares that documents of <paramref name="collection"/> belong to the team whose id is in <paramref name="teamIdField"/>:
    /// deleting an organization (or its app) deletes them in the same transaction as its teams (what <c>ON DELETE CASCADE</c>
    /// on a foreign key to <c>authsome_teams</c> does on the relational backends). Call it from the definition's
    /// <see cref="Plugins.PluginStoreDefinition{TStore}.Mongo"/> factory; repeating it is harmless.
    /// </summary>
    public void DeleteWithTeams(string collection, string teamIdField = "team_id")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(collection);
        ArgumentException.ThrowIfNullOrWhiteSpace(teamIdField);
        _context.TeamOwnedCollections.TryAdd((collection, teamIdField), 0);
    }
}
