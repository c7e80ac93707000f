using Authsome.Store;

namespace Authsome.Messaging;

/// <summary>
/// Runs a change together with what it causes (its events' webhook deliveries, its mail) as one store unit of work
/// (<see cref="IAuthsomeStore.InTransactionAsync{T}"/>): the outbox rows are written in the change's own transaction,
/// so both commit or neither does. The services wrap each event-producing change in it; the hooks and the mail outbox
/// write through the same store, which enlists them. While a unit runs, an outbox's failure fails the change
/// (<see cref="Hooks.HookRunner"/>), and senders are woken only once it has committed.
/// </summary>
internal sealed class UnitOfWork(IAuthsomeStore store)
{
    private static readonly AsyncLocal<Scope?> Current = new();

    /// <summary>Whether the caller's async flow is inside a unit that has not ended.</summary>
    public static bool IsActive => Current.Value is { IsOpen: true };

    /// <summary>Runs <paramref name="work"/> as one unit; a unit inside a unit joins it.</summary>
    public async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (IsActive)
        {
            return await work(cancellationToken);
        }

        var scope = new Scope();
        Current.Value = scope;
        T result;
        try
        {
            result = await store.InTransactionAsync((_, ct) => work(ct), cancellationToken);
        }
        finally
        {
            scope.IsOpen = false;
            Current.Value = null;
        }

        foreach (var action in scope.AfterCommit)
        {
            action();
        }

        return result;
    }

    /// <summary>Runs <paramref name="work"/> as one unit; a unit inside a unit joins it.</summary>
    public Task RunAsync(Func<CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        return RunAsync(
            async ct =>
            {
                await work(ct);
                return true;
            },
            cancellationToken);
    }

    /// <summary>Runs <paramref name="action"/> once the caller's unit commits (never, if it rolls back); at once outside a unit.</summary>
    public static void AfterCommit(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (Current.Value is { IsOpen: true } scope)
        {
            lock (scope.AfterCommit)
            {
                scope.AfterCommit.Add(action);
            }
        }
        else
        {
            action();
        }
    }

    private sealed class Scope
    {
        public volatile bool IsOpen = true;

        public List<Action> AfterCommit { get; } = [];
    }
}
