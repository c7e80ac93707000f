namespace Authsome.Store;

/// <summary>Units of work that return nothing (see <see cref="IAuthsomeStore.InTransactionAsync{T}"/>).</summary>
public static class StoreTransactions
{
    /// <summary>Runs <paramref name="work"/> as one unit of work: all of its changes commit together, or none when it throws.</summary>
    public static Task InTransactionAsync(this IAuthsomeStore store, Func<IAuthsomeStore, CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(work);
        return store.InTransactionAsync(
            async (unit, ct) =>
            {
                await work(unit, ct).ConfigureAwait(false);
                return true;
            },
            cancellationToken);
    }

    /// <summary>The error a unit throws when a store call inside it failed but the work went on and returned.</summary>
    internal static StoreException Doomed(Exception cause) =>
        new("A store call inside the unit of work failed, so the unit was rolled back; nothing of it was stored.", cause);
}
