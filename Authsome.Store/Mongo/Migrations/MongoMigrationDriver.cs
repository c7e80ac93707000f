using Authsome.Store.Migrations;
using MongoDB.Bson;
using MongoDB.Driver;
using static Authsome.Store.Mongo.MongoQueries;

namespace Authsome.Store.Mongo;

/// <summary>
/// What the shared <see cref="MigrationOrchestrator"/> needs from MongoDB: the history in <c>authsome_migrations</c>
/// (one document per applied migration, <c>_id</c> "group:version"), the lease lock of <see cref="MongoMigrationLock"/>,
/// and the application of a <see cref="MongoMigrationScript"/>. One driver serves one run.
/// </summary>
internal sealed class MongoMigrationDriver(MongoContext context, MongoStoreSettings options) : IMigrationDriver
{
    private const string Group = "group";
    private const string AppliedAt = "applied_at";
    private const string Checksum = "checksum";
    private MongoMigrationLock? _lock;

    public string Dialect => MigrationDialects.Mongo;

    public Task EnsureHistoryAsync(CancellationToken cancellationToken) => Translated(async () =>
    {
        var run = new MongoMigrationRun(context.Database, context.Logger);
        await MongoMigrationStep.CreateCollection(MongoCollections.Migrations).ApplyAsync(run, cancellationToken).ConfigureAwait(false);
        await MongoMigrationStep.CreateCollection(MongoCollections.MigrationLock).ApplyAsync(run, cancellationToken).ConfigureAwait(false);
        await MongoMigrationLock.EnsureAsync(context, cancellationToken).ConfigureAwait(false);
    });

    public async Task<IAsyncDisposable> AcquireLockAsync(CancellationToken cancellationToken)
    {
        var acquired = await Translated(() => MongoMigrationLock.AcquireAsync(context, options, cancellationToken)).ConfigureAwait(false);
        _lock = acquired;
        return acquired;
    }

    public Task<IReadOnlyList<AppliedMigration>> ReadHistoryAsync(CancellationToken cancellationToken) => Translated(async () =>
    {
        var documents = await context.Collection(MongoCollections.Migrations)
            .Find(Filter.Empty)
            .Sort(Builders<BsonDocument>.Sort.Ascending(Group).Ascending(Field.Version))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return (IReadOnlyList<AppliedMigration>)[.. documents.Select(d => new AppliedMigration(
            d.Text(Group),
            d.TryGetValue(Field.Version, out var version) && version.IsNumeric ? version.ToInt64() : throw new StoreException($"Migration record {d[Field.Id]} has no version."),
            d.Text(Field.Name),
            d.Text(Checksum),
            d.Date(AppliedAt)))];
    });

    public async Task ApplyAsync(string group, Migration migration, MigrationScript script, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(migration);
        if (script is not MongoMigrationScript mongo)
        {
            throw new MigrationException($"Migration {group} {migration} has a {script.GetType().Name}, which MongoDB cannot run.", group, migration.Version, migration.Name);
        }

        var run = new MongoMigrationRun(context.Database, context.Logger);
        try
        {
            foreach (var step in mongo.Steps)
            {
                ThrowIfLockLost(group, migration);
                await step.ApplyAsync(run, cancellationToken).ConfigureAwait(false);
            }

            ThrowIfLockLost(group, migration);
            var record = new BsonDocument
            {
                { Field.Id, $"{group}:{migration.Version}" },
                { Group, group },
                { Field.Version, migration.Version },
                { Field.Name, migration.Name },
                { Checksum, script.Checksum },
                { AppliedAt, BsonWrite.Date(context.Time.GetStoreNow()) },
            };
            await context.Collection(MongoCollections.Migrations).InsertOneAsync(record, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not MigrationException)
        {
            await run.UndoAsync(group, migration.Version).ConfigureAwait(false);
            throw;
        }
    }

    private void ThrowIfLockLost(string group, Migration migration)
    {
        if (_lock is { IsLost: true })
        {
            throw new MigrationException(
                $"Migration {group} {migration} was not applied: this run lost the migration lock (its lease ran out and another migrator took over).",
                group, migration.Version, migration.Name);
        }
    }

    private static async Task<T> Translated<T>(Func<Task<T>> operation)
    {
        try
        {
            return await operation().ConfigureAwait(false);
        }
        catch (Exception ex) when (MongoErrors.IsDriverError(ex))
        {
            throw MongoErrors.Translate(ex, "migration");
        }
    }

    private static Task Translated(Func<Task> operation) => Translated(async () =>
    {
        await operation().ConfigureAwait(false);
        return true;
    });
}
