using Microsoft.Extensions.Logging;
using MongoDB.Bson;
using MongoDB.Driver;
using static Authsome.Store.Mongo.MongoQueries;

namespace Authsome.Store.Mongo;

/// <summary>
/// The migration lock: one document in <c>authsome_migration_lock</c> holding an owner and a lease expiry. It is
/// taken with one <c>findOneAndUpdate</c> that matches only an expired lease, so exactly one migrator wins; the
/// holder renews the lease while it runs, and a crashed holder's lease simply runs out, after which the next
/// migrator takes over. Leases are measured on each migrator's clock, so keep clocks within a fraction of the lease.
/// </summary>
internal sealed class MongoMigrationLock : IAsyncDisposable
{
    internal const string LockId = "migrate";
    private const string Owner = "owner";
    private const string AcquiredAt = "acquired_at";

    private readonly IMongoCollection<BsonDocument> _locks;
    private readonly MongoStoreSettings _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly string _owner;
    private readonly CancellationTokenSource _stop = new();
    private Task? _renewal;
    private volatile bool _lost;

    private MongoMigrationLock(MongoContext context, MongoStoreSettings options, string owner)
    {
        _locks = context.Collection(MongoCollections.MigrationLock);
        _options = options;
        _time = context.Time;
        _logger = context.Logger;
        _owner = owner;
    }

    /// <summary>True once a renewal found the lock taken by another migrator: this run must stop.</summary>
    public bool IsLost => _lost;

    /// <summary>Creates the lock document (free, expired at the epoch) unless it exists, so taking the lock never has to insert.</summary>
    public static async Task EnsureAsync(MongoContext context, CancellationToken cancellationToken)
    {
        var free = new BsonDocument
        {
            { Field.Id, LockId },
            { Owner, BsonNull.Value },
            { Field.ExpiresAt, new BsonDateTime(0) },
        };
        try
        {
            await context.Collection(MongoCollections.MigrationLock).InsertOneAsync(free, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (MongoWriteException ex) when (MongoErrors.IsDuplicateKey(ex, out _))
        {
            // It exists: held or free, either is fine.
        }
    }

    /// <summary>Waits until this process holds the lock, polling while another migrator's lease is live.</summary>
    public static async Task<MongoMigrationLock> AcquireAsync(MongoContext context, MongoStoreSettings options, CancellationToken cancellationToken)
    {
        var owner = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
        var handle = new MongoMigrationLock(context, options, owner);
        var waitingLogged = false;
        while (true)
        {
            var now = context.Time.GetStoreNow();
            var previous = await handle._locks.FindOneAndUpdateAsync(
                Filter.Eq(Field.Id, LockId) & Filter.Lte(Field.ExpiresAt, BsonWrite.Date(now)),
                Update.Set(Owner, owner).Set(AcquiredAt, BsonWrite.Date(now)).Set(Field.ExpiresAt, BsonWrite.Date(now + options.LockLease)),
                new FindOneAndUpdateOptions<BsonDocument> { ReturnDocument = ReturnDocument.Before },
                cancellationToken).ConfigureAwait(false);
            if (previous is not null)
            {
                if (previous.OptionalText(Owner) is { } staleOwner)
                {
                    MongoLog.TookOverStaleLock(context.Logger, staleOwner, previous.Date(Field.ExpiresAt));
                }

                handle._renewal = handle.RenewAsync();
                return handle;
            }

            if (!waitingLogged && await handle._locks.Find(Filter.Eq(Field.Id, LockId)).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false) is { } held)
            {
                MongoLog.WaitingForLock(context.Logger, held.OptionalText(Owner) ?? "nobody", held.Date(Field.ExpiresAt));
                waitingLogged = true;
            }

            await Task.Delay(options.LockPollInterval, context.Time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Frees the lock (if still ours) by expiring it, so the next migrator does not wait for the lease.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_renewal is not null)
        {
            await _renewal.ConfigureAwait(false);
        }

        _stop.Dispose();
        try
        {
            await _locks.UpdateOneAsync(
                Filter.Eq(Field.Id, LockId) & Filter.Eq(Owner, _owner),
                Update.Set(Owner, BsonNull.Value).Set(Field.ExpiresAt, new BsonDateTime(0)),
                cancellationToken: CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (MongoErrors.IsDriverError(ex))
        {
            // The lease runs out by itself; failing to free it early only delays the next migrator.
            MongoLog.LeaseRenewalFailed(_logger, ex);
        }
    }

    private async Task RenewAsync()
    {
        var interval = _options.LockLease / 3;
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, _time, _stop.Token).ConfigureAwait(false);
                var now = _time.GetStoreNow();
                var renewed = await _locks.UpdateOneAsync(
                    Filter.Eq(Field.Id, LockId) & Filter.Eq(Owner, _owner),
                    Update.Set(Field.ExpiresAt, BsonWrite.Date(now + _options.LockLease)),
                    cancellationToken: _stop.Token).ConfigureAwait(false);
                if (renewed.MatchedCount == 0)
                {
                    _lost = true;
                    MongoLog.LostLock(_logger);
                    return;
                }
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (MongoErrors.IsDriverError(ex))
            {
                MongoLog.LeaseRenewalFailed(_logger, ex);
            }
        }
    }
}
