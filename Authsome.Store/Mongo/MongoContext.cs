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

    /// <summary>A collection whose calls enlist in the ambient unit of work of this store (see <see cref="MongoSessionCollection"/>).</summary>
    public IMongoCollection<BsonDocument> Collection(string name) => MongoSessionCollection.Create(Database.GetCollection<BsonDocument>(name), this);

    /// <summary>
    /// Runs <paramref name="work"/> in a transaction when the server supports them (a replica set or a sharded
    /// cluster), retrying it on transient conflicts; on a standalone server it runs in a plain session, so callers
    /// order their writes to stay correct when interrupted (children before parents: a re-run finishes the job).
    /// </summary>
    /// <remarks>Inside a unit of work of this store, the work runs in the unit's session and transaction.</remarks>
    public async Task<T> InTransactionAsync<T>(Func<IClientSessionHandle, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        if (MongoUnit.Of(this) is { } unit)
        {
            return await work(unit.Session, cancellationToken).ConfigureAwait(false);
        }

        using var session = await Client.StartSessionAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!await SupportsTransactionsAsync(cancellationToken).ConfigureAwait(false))
        {
            return await work(session, cancellationToken).ConfigureAwait(false);
        }

        return await session.WithTransactionAsync(work, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs <paramref name="work"/> as one unit of work (see <see cref="IAuthsomeStore.InTransactionAsync{T}"/>): one session
    /// and, where the server has them, one transaction that commits when the work returns and no call inside failed.
    /// A transient transaction error (a write conflict with a concurrent unit) runs the whole work again, as the driver's
    /// own <c>WithTransactionAsync</c> does; a unit inside a unit joins it.
    /// </summary>
    public async Task<T> InUnitAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (MongoUnit.Of(this) is { } outer)
        {
            try
            {
                return await work(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                outer.Doom(ex);
                throw;
            }
        }

        const string entity = "unit of work";
        var transactional = await MongoCall.RunAsync(entity, async () => await SupportsTransactionsAsync(cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
        using var session = await MongoCall.RunAsync(entity, () => Client.StartSessionAsync(cancellationToken: cancellationToken)).ConfigureAwait(false);
        for (var attempt = 1; ; attempt++)
        {
            if (transactional)
            {
                session.StartTransaction();
            }

            var unit = new MongoUnit(this, session);
            MongoUnit.Current = unit;
            T result;
            try
            {
                result = await work(cancellationToken).ConfigureAwait(false);
                if (unit.Failure is { } failure)
                {
                    throw StoreTransactions.Doomed(failure);
                }
            }
            catch (Exception ex)
            {
                unit.Close();
                MongoUnit.Current = null;
                if (!transactional)
                {
                    throw;
                }

                await AbortQuietlyAsync(session).ConfigureAwait(false);
                if (IsTransient(unit.Failure ?? ex) && attempt < MaxUnitAttempts)
                {
                    continue;
                }

                throw;
            }

            unit.Close();
            MongoUnit.Current = null;
            if (!transactional || await CommitAsync(session, entity, attempt < MaxUnitAttempts, cancellationToken).ConfigureAwait(false))
            {
                return result;
            }
        }
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

    private const int MaxUnitAttempts = 8;

    // True when committed; false when the commit failed transiently and the whole unit should run again.
    private static async Task<bool> CommitAsync(IClientSessionHandle session, string entity, bool mayRunAgain, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await session.CommitTransactionAsync(cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (MongoException ex) when (ex.HasErrorLabel("UnknownTransactionCommitResult") && attempt < MaxUnitAttempts)
            {
                // The commit may have happened: committing again is safe and tells.
            }
            catch (MongoException ex) when (ex.HasErrorLabel("TransientTransactionError") && mayRunAgain)
            {
                await AbortQuietlyAsync(session).ConfigureAwait(false);
                return false;
            }
            catch (Exception ex) when (MongoErrors.IsDriverError(ex))
            {
                await AbortQuietlyAsync(session).ConfigureAwait(false);
                throw MongoErrors.Translate(ex, entity);
            }
        }
    }

    private static async Task AbortQuietlyAsync(IClientSessionHandle session)
    {
        if (!session.IsInTransaction)
        {
            return;
        }

        try
        {
            await session.AbortTransactionAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (MongoErrors.IsDriverError(ex))
        {
            // The server drops a transaction it cannot reach us about after its lifetime; nothing else to do.
        }
    }

    private static bool IsTransient(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is MongoException mongo && mongo.HasErrorLabel("TransientTransactionError"))
            {
                return true;
            }
        }

        return false;
    }
}
