using System.Collections.Concurrent;
using Authsome.Store.Mongo;
using MongoDB.Driver;

namespace Authsome.Store.Tests.Mongo;

/// <summary>
/// The MongoDB server the tests use: its URL comes from <c>AUTHSOME_TEST_MONGO</c>. Without it the Mongo tests are
/// skipped, unless <c>AUTHSOME_TEST_MONGO_REQUIRED=1</c>, where they fail (so CI cannot pass by not testing).
/// One client serves every test; each test class works in its own database, dropped when the run ends.
/// </summary>
internal static class MongoTestServer
{
    public const string UrlVariable = "AUTHSOME_TEST_MONGO";
    public const string RequiredVariable = "AUTHSOME_TEST_MONGO_REQUIRED";

    private static readonly string RunId = Guid.NewGuid().ToString("N")[..8];
    private static readonly Lazy<MongoClient> SharedClient = new(() => new MongoClient(Url));
    private static readonly ConcurrentDictionary<string, Lazy<Task>> Migrated = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, byte> Created = new(StringComparer.Ordinal);

    /// <summary>Settings that make a store behave as on a standalone server (no transactions).</summary>
    public static readonly MongoStoreSettings Standalone = new() { Transactions = false };

    private static string? Url => Environment.GetEnvironmentVariable(UrlVariable) is { Length: > 0 } url ? url : null;

    /// <summary>The shared client; skips (or fails) the calling test when no server is configured.</summary>
    public static MongoClient Client
    {
        get
        {
            RequireServer();
            return SharedClient.Value;
        }
    }

    /// <summary>The URL with a database of its own in the path, for tests of the connection-string constructor.</summary>
    public static string UrlWithDatabase(string databaseName)
    {
        RequireServer();
        var builder = new MongoUrlBuilder(Url) { DatabaseName = databaseName };
        return builder.ToString();
    }

    /// <summary>A database name of this run for <paramref name="owner"/> (a test class, or a test that wants a fresh database).</summary>
    public static string DatabaseName(string owner)
    {
        var name = $"authsome_t{RunId}_{owner}";
        name = name.Length <= 63 ? name : name[..63];
        Created.TryAdd(name, 0);
        return name;
    }

    /// <summary>A store over the owner's database, migrated once per database; the shared client stays open when it is disposed.</summary>
    public static async ValueTask<IAuthsomeStore> CreateMigratedStoreAsync(string owner, CancellationToken cancellationToken, MongoStoreSettings? settings = null)
    {
        var store = CreateStore(owner, settings);
        await Migrated.GetOrAdd(store.Database.DatabaseNamespace.DatabaseName, _ => new Lazy<Task>(() => store.MigrateAsync([], CancellationToken.None))).Value
            .WaitAsync(cancellationToken);
        return store;
    }

    /// <summary>A store over a database of its own (not migrated), for tests that need a fresh one or special settings.</summary>
    public static MongoStore CreateStore(string owner, MongoStoreSettings? settings = null) =>
        new(Client, DatabaseName(owner), loggerFactory: null, ownsClient: false, settings ?? new MongoStoreSettings());

    /// <summary>Drops every database this run created; called once when the test assembly finishes.</summary>
    public static async Task DropCreatedDatabasesAsync()
    {
        if (Url is null || Created.IsEmpty)
        {
            return;
        }

        foreach (var name in Created.Keys)
        {
            await SharedClient.Value.DropDatabaseAsync(name);
        }

        SharedClient.Value.Dispose();
    }

    private static void RequireServer()
    {
        if (Url is not null)
        {
            return;
        }

        var reason = $"No MongoDB server: set {UrlVariable} to a mongodb:// URL (for example the one ../shared/tools/mongo-compat/start.sh prints).";
        if (Environment.GetEnvironmentVariable(RequiredVariable) == "1")
        {
            Assert.Fail($"{reason} {RequiredVariable}=1 makes a missing server a failure.");
        }

        Assert.Skip(reason);
    }
}

/// <summary>Drops the run's Mongo databases when the test assembly is done.</summary>
public sealed class MongoDatabaseCleanup : IAsyncDisposable
{
    public async ValueTask DisposeAsync() => await MongoTestServer.DropCreatedDatabasesAsync();
}
