namespace Authsome.Store.Mongo;

/// <summary>Runs one store operation and translates whatever the driver throws (see <see cref="MongoErrors"/>).</summary>
internal static class MongoCall
{
    public static async ValueTask<T> RunAsync<T>(string entity, Func<Task<T>> operation)
    {
        try
        {
            return await operation().ConfigureAwait(false);
        }
        catch (Exception ex) when (MongoErrors.IsDriverError(ex))
        {
            throw MongoErrors.Translate(ex, entity);
        }
    }

    public static async ValueTask RunAsync(string entity, Func<Task> operation)
    {
        try
        {
            await operation().ConfigureAwait(false);
        }
        catch (Exception ex) when (MongoErrors.IsDriverError(ex))
        {
            throw MongoErrors.Translate(ex, entity);
        }
    }
}
