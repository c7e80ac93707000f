using MongoDB.Bson;
using MongoDB.Driver;

namespace Authsome.Store.Mongo;

/// <summary>
/// One step of a <see cref="MongoMigrationScript"/>. Every step is idempotent (creating what exists, or dropping what
/// is gone, does nothing), so a run interrupted part-way is finished by the next one.
/// </summary>
public abstract class MongoMigrationStep
{
    private const int NamespaceNotFound = 26;
    private const int IndexNotFound = 27;
    private const int NamespaceExists = 48;

    private protected MongoMigrationStep()
    {
    }

    /// <summary>The step as canonical text: what the script's checksum is computed from.</summary>
    internal abstract string Canonical { get; }

    /// <summary>Creates a collection unless it exists.</summary>
    public static MongoMigrationStep CreateCollection(string collection) => new CreateCollectionStep(ValidName(collection));

    /// <summary>Creates an index unless one with the same name and definition exists; an index of that name with another definition fails the migration.</summary>
    public static MongoMigrationStep CreateIndex(string collection, MongoIndex index)
    {
        ArgumentNullException.ThrowIfNull(index);
        if (index.PartialFilter is { } filter)
        {
            try
            {
                _ = BsonDocument.Parse(filter);
            }
            catch (Exception ex) when (ex is FormatException or BsonException)
            {
                throw new ArgumentException($"Index {index.Name}'s partial filter is not a JSON document.", nameof(index), ex);
            }
        }

        return new CreateIndexStep(ValidName(collection), index);
    }

    /// <summary>Drops an index if it exists.</summary>
    public static MongoMigrationStep DropIndex(string collection, string indexName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(indexName);
        return new DropIndexStep(ValidName(collection), indexName);
    }

    /// <summary>
    /// Runs a database command given in MongoDB extended JSON (e.g. an <c>update</c> that backfills a field). Write it
    /// so that running it twice does no harm: a failed migration is retried from its first step.
    /// </summary>
    public static MongoMigrationStep RunCommand(string commandJson)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(commandJson);
        try
        {
            _ = BsonDocument.Parse(commandJson);
        }
        catch (Exception ex) when (ex is FormatException or BsonException)
        {
            throw new ArgumentException("The command is not a JSON document.", nameof(commandJson), ex);
        }

        return new RunCommandStep(commandJson.Trim());
    }

    /// <inheritdoc />
    public override string ToString() => Canonical;

    internal abstract Task ApplyAsync(MongoMigrationRun run, CancellationToken cancellationToken);

    private static string ValidName(string collection)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(collection);
        if (collection.Contains('$', StringComparison.Ordinal) || collection.Contains('\0', StringComparison.Ordinal) || collection.StartsWith("system.", StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{collection}' is not a valid collection name.", nameof(collection));
        }

        return collection;
    }

    private sealed class CreateCollectionStep(string collection) : MongoMigrationStep
    {
        internal override string Canonical => $"createCollection {collection}";

        internal override async Task ApplyAsync(MongoMigrationRun run, CancellationToken cancellationToken)
        {
            if (await run.CollectionExistsAsync(collection, cancellationToken).ConfigureAwait(false))
            {
                return;
            }

            try
            {
                await run.Database.CreateCollectionAsync(collection, cancellationToken: cancellationToken).ConfigureAwait(false);
                run.CreatedCollection(collection);
            }
            catch (MongoCommandException ex) when (ex.Code == NamespaceExists)
            {
                // Created by someone else between the check and the create: the step's goal holds.
            }
        }
    }

    private sealed class CreateIndexStep(string collection, MongoIndex index) : MongoMigrationStep
    {
        internal override string Canonical => $"createIndex {collection} {index.Canonical}";

        internal override async Task ApplyAsync(MongoMigrationRun run, CancellationToken cancellationToken)
        {
            var existed = await run.IndexExistsAsync(collection, index.Name, cancellationToken).ConfigureAwait(false);
            var keys = new BsonDocument(index.Keys.Select(k => new BsonElement(k.Field, k.Descending ? -1 : 1)));
            var options = new CreateIndexOptions<BsonDocument>
            {
                Name = index.Name,
                Unique = index.Unique ? true : null,
                PartialFilterExpression = index.PartialFilter is { } filter ? BsonDocument.Parse(filter) : null,
                ExpireAfter = index.ExpireAfter,
            };

            // Creating an existing index with the same definition is a no-op on the server; with another definition
            // it fails (IndexOptionsConflict / IndexKeySpecsConflict), which is what an edited index should do.
            await run.Database.GetCollection<BsonDocument>(collection).Indexes
                .CreateOneAsync(new CreateIndexModel<BsonDocument>(keys, options), cancellationToken: cancellationToken).ConfigureAwait(false);
            if (!existed)
            {
                run.CreatedIndex(collection, index.Name);
            }
        }
    }

    private sealed class DropIndexStep(string collection, string indexName) : MongoMigrationStep
    {
        internal override string Canonical => $"dropIndex {collection} {indexName}";

        internal override async Task ApplyAsync(MongoMigrationRun run, CancellationToken cancellationToken)
        {
            try
            {
                await run.Database.GetCollection<BsonDocument>(collection).Indexes.DropOneAsync(indexName, cancellationToken).ConfigureAwait(false);
            }
            catch (MongoCommandException ex) when (ex.Code is IndexNotFound or NamespaceNotFound)
            {
                // Already gone.
            }
        }
    }

    private sealed class RunCommandStep(string commandJson) : MongoMigrationStep
    {
        internal override string Canonical => $"runCommand {commandJson}";

        internal override Task ApplyAsync(MongoMigrationRun run, CancellationToken cancellationToken) =>
            run.Database.RunCommandAsync<BsonDocument>(BsonDocument.Parse(commandJson), cancellationToken: cancellationToken);
    }
}
