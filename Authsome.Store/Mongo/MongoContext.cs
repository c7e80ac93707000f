using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Authsome.Store.Mongo;

/// <summary>
/// What every sub-store of one <see cref="MongoStore"/> shares: the client, the database, and the one place that
/// decides whether a multi-document operation runs in a transaction.
/// </summary>
internal sealed class MongoContext(IMongoClient client, IMongoDatabase database, ILogger logger, MongoStoreSettings settings)
{
    // 0 unknown, 1 supported, 2 not supported; decided once per store from the server's hello answer.
    private int _transactions = settings.Transactions switch { true => 1, false => 2, null => 0 };

    public IMongoClient Client { get; } = client;

    public IMongoDatabase Database { get; } = database;

    public ILogger Logger { get; } = logger;

    public MongoStoreSettings Settings { get; } = settings;

    public TimeProvider Time => Settings.Time;

    /// <summary>Plugin collections whose documents go with their user when an app is deleted: (collection, user id field).</summary>
    public ConcurrentDictionary<(string Collection, string UserIdField), byte> UserOwnedCollections { get; } = new();

    /// <summary>Plugin collections whose documents go with their team when an organization (or app) is deleted: (collection, team id field).</summary>
    public ConcurrentDictionary<(string Collection, string TeamIdField), byte> TeamOwnedCollections { get; } = new();

    public IMongoCollection<BsonDocument> Collection(string name) => Database.GetCollection<BsonDocument>(name);

    /// <summary>
    /// Runs <paramref name="work"/> in a transaction when the server supports them (a replica set or a sharded
    /// cluster), retrying it on transient conflicts; on a standalone server it runs in a plain session, so callers
    /// order their writes to stay correct when interrupted (children before parents: a re-run finishes the job).
    /// </summary>
    public async Task<T> InTransactionAsync<T>(Func<IClientSessionHandle, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        using var session = await Client.StartSessionAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!await SupportsTransactionsAsync(cancellationToken).ConfigureAwait(false))
        {
            return await work(session, cancellationToken).ConfigureAwait(false);
        }

        return await session.WithTransactionAsync(work, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<bool> SupportsTransactionsAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _transactions) is var known and not 0)
        {
            return known == 1;
        }

        var hello = await Database.RunCommandAsync<BsonDocument>(new BsonDocument("hello", 1), cancellationToken: cancellationToken).ConfigureAwait(false);
        var supported = hello.Contains("logicalSessionTimeoutMinutes")
            && (hello.Contains("setName") || (hello.TryGetValue("msg", out var msg) && msg == "isdbgrid"));
        if (!supported)
        {
            MongoLog.TransactionsUnsupported(Logger);
        }

        Volatile.Write(ref _transactions, supported ? 1 : 2);
        return supported;
    }
}
