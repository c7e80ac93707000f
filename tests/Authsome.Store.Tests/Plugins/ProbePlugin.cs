using Authsome.Store.Migrations;
using Authsome.Store.Mongo;
using Authsome.Store.Plugins;
using Authsome.Store.Relational;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Authsome.Store.Tests.Plugins;

/// <summary>A plugin's sub-store, as a third party would write one: a table of named probes, each name unique, each owned by a user.</summary>
public interface IProbeStore
{
    Task AddAsync(string name, Id<User> userId, CancellationToken cancellationToken);

    Task<long> CountAsync(CancellationToken cancellationToken);
}

/// <summary>The probe plugin's group and definition; it has no in-memory implementation, on purpose.</summary>
internal static class ProbePlugin
{
    public const string Table = "authsome_test_probes";

    public static readonly MigrationGroup Group = new("test-probe", [MigrationGroup.CoreName],
    [
        new Migration(1, "probes",
            SqlMigrationScript.Postgres($"CREATE TABLE {Table} (id TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES authsome_users (id) ON DELETE CASCADE, name TEXT NOT NULL UNIQUE);"),
            SqlMigrationScript.Sqlite($"CREATE TABLE {Table} (id TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES authsome_users (id) ON DELETE CASCADE, name TEXT NOT NULL UNIQUE);"),
            new MongoMigrationScript(
                MongoMigrationStep.CreateCollection(Table),
                MongoMigrationStep.CreateIndex(Table, new MongoIndex("probes_name", "name") { Unique = true }))),
    ]);

    public static readonly PluginStoreDefinition<IProbeStore> Definition = new("probe", Group)
    {
        Relational = context => new RelationalProbeStore(context),
        Mongo = context => new MongoProbeStore(context),
    };

    private sealed class RelationalProbeStore(RelationalPluginContext db) : IProbeStore
    {
        public Task AddAsync(string name, Id<User> userId, CancellationToken cancellationToken) =>
            db.WriteAsync("probe", s => s.ExecuteAsync(
                $"INSERT INTO {Table} (id, user_id, name) VALUES (@id, @userId, @name)", new { id = Guid.NewGuid().ToString("N"), userId = userId.ToString(), name }, cancellationToken), cancellationToken);

        public Task<long> CountAsync(CancellationToken cancellationToken) =>
            db.ReadAsync("probe", s => s.ScalarAsync<long>($"SELECT COUNT(*) FROM {Table}", null, cancellationToken), cancellationToken);
    }

    private sealed class MongoProbeStore(MongoPluginContext db) : IProbeStore
    {
        public Task AddAsync(string name, Id<User> userId, CancellationToken cancellationToken) =>
            db.RunAsync("probe", () => db.Collection(Table).InsertOneAsync(
                new BsonDocument { ["_id"] = Guid.NewGuid().ToString("N"), ["user_id"] = userId.ToString(), ["name"] = name }, cancellationToken: cancellationToken));

        public Task<long> CountAsync(CancellationToken cancellationToken) =>
            db.RunAsync("probe", () => db.Collection(Table).CountDocumentsAsync(FilterDefinition<BsonDocument>.Empty, cancellationToken: cancellationToken));
    }
}
