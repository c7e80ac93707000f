using Microsoft.Extensions.Logging;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Authsome.Store.Mongo;

/// <summary>
/// One application of one migration. MongoDB cannot run index or collection creation inside a transaction, so the
/// run remembers what it created and, when a later step fails, removes it again (collections only while still
/// empty): a failed migration leaves nothing behind and is recorded nowhere, as the orchestrator expects.
/// </summary>
internal sealed class MongoMigrationRun(IMongoDatabase database, ILogger logger)
{
    private readonly List<(string Collection, string? Index)> _created = [];

    public IMongoDatabase Database { get; } = database;

    public void CreatedCollection(string collection) => _created.Add((collection, null));

    public void CreatedIndex(string collection, string index) => _created.Add((collection, index));

    public async Task<bool> CollectionExistsAsync(string collection, CancellationToken cancellationToken)
    {
        var options = new ListCollectionNamesOptions { Filter = new BsonDocument("name", collection) };
        using var cursor = await Database.ListCollectionNamesAsync(options, cancellationToken).ConfigureAwait(false);
        return await cursor.AnyAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> IndexExistsAsync(string collection, string index, CancellationToken cancellationToken)
    {
        if (!await CollectionExistsAsync(collection, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        using var cursor = await Database.GetCollection<BsonDocument>(collection).Indexes.ListAsync(cancellationToken).ConfigureAwait(false);
        var indexes = await cursor.ToListAsync(cancellationToken).ConfigureAwait(false);
        return indexes.Any(i => i.TryGetValue("name", out var name) && name == index);
    }

    /// <summary>Best effort: a cleanup failure is not allowed to hide the error that caused it.</summary>
    public async Task UndoAsync(string group, long version)
    {
        if (_created.Count == 0)
        {
            return;
        }

        MongoLog.RollingBack(logger, group, version, _created.Count);
        for (var i = _created.Count - 1; i >= 0; i--)
        {
            var (collection, index) = _created[i];
            try
            {
                var target = Database.GetCollection<BsonDocument>(collection);
                if (index is not null)
                {
                    await target.Indexes.DropOneAsync(index, CancellationToken.None).ConfigureAwait(false);
                }
                else if (await target.EstimatedDocumentCountAsync(cancellationToken: CancellationToken.None).ConfigureAwait(false) == 0)
                {
                    await Database.DropCollectionAsync(collection, CancellationToken.None).ConfigureAwait(false);
                }
            }
            catch (Exception ex) when (MongoErrors.IsDriverError(ex))
            {
                // Leave it: the next run's idempotent steps will find it and carry on.
            }
        }
    }
}
