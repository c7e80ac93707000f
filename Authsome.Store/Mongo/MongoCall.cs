namespace Authsome.Store.Mongo;

/// <summary>
/// Runs one store operation and translates whatever the driver throws (see <see cref="MongoErrors"/>). A write
/// conflict (a race lost to a concurrent writer, after which nothing of the failed write remains) is retried a
/// few times first: mongod retries those itself outside transactions, but compatible servers may report them, and
/// every operation here is safe to run again after one (cascades and upserts by design, the rest being single
/// writes or undoing their own partial work). The back-off doubles per attempt: with many writers racing on one key
/// (twenty sign-ups of one email) a compatible server may report a deadlock to several of them more than once.
/// </summary>
internal static class MongoCall
{
    private const int MaxAttempts = 8;

    public static async ValueTask<T> RunAsync<T>(string entity, Func<Task<T>> operation)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await operation().ConfigureAwait(false);
            }
            catch (Exception ex) when (MongoUnit.Current is { } unit)
            {
                // Inside a unit of work a failed call has aborted the transaction: no retry here; the unit rolls back
                // (and runs again, when the failure is transient).
                unit.Doom(ex);
                if (MongoErrors.IsDriverError(ex))
                {
                    throw MongoErrors.Translate(ex, entity);
                }

                throw;
            }
            catch (Exception ex) when (attempt < MaxAttempts && MongoErrors.IsWriteConflict(ex))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 10 << attempt))).ConfigureAwait(false);
            }
            catch (Exception ex) when (MongoErrors.IsDriverError(ex))
            {
                throw MongoErrors.Translate(ex, entity);
            }
        }
    }

    public static async ValueTask RunAsync(string entity, Func<Task> operation) =>
        await RunAsync(entity, async () =>
        {
            await operation().ConfigureAwait(false);
            return true;
        }).ConfigureAwait(false);
}
