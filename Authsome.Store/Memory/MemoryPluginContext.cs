namespace Authsome.Store.Memory;

/// <summary>
/// What a plugin's in-memory sub-store gets from a <see cref="MemoryStore"/>: the store's one lock, so the plugin's
/// data changes atomically with (and never races) the store's own, and the user table's existence check and cascade.
/// The plugin keeps its rows in its own collections, touched only inside <see cref="RunAsync{T}"/>; a write that
/// breaks one of the plugin's rules throws <see cref="StoreConflictException"/> before changing anything.
/// </summary>
public sealed class MemoryPluginContext
{
    private readonly MemoryState _state;

    internal MemoryPluginContext(MemoryState state) => _state = state;

    /// <summary>Runs a read or write under the store's lock; an exception it throws comes back through the task.</summary>
    public ValueTask<T> RunAsync<T>(Func<T> operation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        return _state.Run(operation, cancellationToken);
    }

    /// <summary>Runs a write under the store's lock.</summary>
    public ValueTask RunAsync(Action operation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        return _state.Run(operation, cancellationToken);
    }

    /// <summary>
    /// Records what undoes a change the plugin just made to its own collections: call it inside <see cref="RunAsync{T}"/>
    /// right after the change. Inside a unit of work (<see cref="IAuthsomeStore.InTransactionAsync{T}"/>) a unit that rolls
    /// back runs the undos newest first, under the lock, with the store's own; outside a unit nothing is recorded.
    /// </summary>
    public void OnRollback(Action undo)
    {
        ArgumentNullException.ThrowIfNull(undo);
        _state.Journal.Record(undo);
    }

    /// <summary>Sets <paramref name="map"/>[<paramref name="key"/>], recording the undo (see <see cref="OnRollback"/>). Call it inside <see cref="RunAsync{T}"/>.</summary>
    public void Set<TKey, TValue>(Dictionary<TKey, TValue> map, TKey key, TValue value)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(map);
        _state.Journal.Set(map, key, value);
    }

    /// <summary>Removes <paramref name="key"/> from <paramref name="map"/>, recording the undo (see <see cref="OnRollback"/>). Call it inside <see cref="RunAsync{T}"/>.</summary>
    public bool Remove<TKey, TValue>(Dictionary<TKey, TValue> map, TKey key)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(map);
        return _state.Journal.Remove(map, key);
    }

    /// <summary>
    /// Throws <see cref="StoreConflictException"/> (<see cref="ConflictKind.MissingReference"/>) when no user (live or
    /// soft-deleted) has this id, as a foreign key would on the relational backends. Call it inside <see cref="RunAsync{T}"/>.
    /// </summary>
    public void EnsureUserExists(Id<User> userId, string entity)
    {
        if (_state.Users.Get(userId) is null)
        {
            throw new StoreConflictException(ConflictKind.MissingReference, entity);
        }
    }

    /// <summary>
    /// Registers <paramref name="deleteOwned"/>, called under the lock with the ids of the users an app deletion removes,
    /// to delete the plugin's rows of those users with them (what <c>ON DELETE CASCADE</c> does on the relational backends).
    /// Call it once, from the definition's <see cref="Plugins.PluginStoreDefinition{TStore}.Memory"/> factory.
    /// </summary>
    public void DeleteWithUsers(Action<IReadOnlySet<Id<User>>> deleteOwned)
    {
        ArgumentNullException.ThrowIfNull(deleteOwned);
        _state.Run(() => _state.UserCascades.Add(deleteOwned), CancellationToken.None);
    }

    /// <summary>
    /// Registers <paramref name="deleteOwned"/>, called under the lock with the ids of the teams an organization (or app)
    /// deletion removes, to delete the plugin's rows of those teams with them (what <c>ON DELETE CASCADE</c> does on the
    /// relational backends). Call it once, from the definition's <see cref="Plugins.PluginStoreDefinition{TStore}.Memory"/> factory.
    /// </summary>
    public void DeleteWithTeams(Action<IReadOnlySet<Id<Team>>> deleteOwned)
    {
        ArgumentNullException.ThrowIfNull(deleteOwned);
        _state.Run(() => _state.TeamCascades.Add(deleteOwned), CancellationToken.None);
    }
}
