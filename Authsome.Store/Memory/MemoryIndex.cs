namespace Authsome.Store.Memory;

/// <summary>
/// A unique index of a <see cref="MemoryTable{T}"/>: maps a key computed from a row to the row's id, so lookups
/// by the key are O(1) and a second row with the same key is refused with the index's <see cref="ConflictKind"/>.
/// A row whose key is null (no username, a soft-deleted user, a non-default environment) is not indexed.
/// </summary>
internal sealed class MemoryIndex<T>(ConflictKind kind, Func<T, object?> keyOf)
    where T : class, IHasIdPrefix
{
    private readonly Dictionary<object, Id<T>> owners = [];

    public bool TryFind(object key, out Id<T> id) => owners.TryGetValue(key, out id);

    public void EnsureFree(T row, Id<T> id, string entity)
    {
        if (keyOf(row) is { } key && owners.TryGetValue(key, out var owner) && owner != id)
        {
            throw new StoreConflictException(kind, entity);
        }
    }

    public void Add(T row, Id<T> id)
    {
        if (keyOf(row) is { } key)
        {
            owners[key] = id;
        }
    }

    public void Remove(T row)
    {
        if (keyOf(row) is { } key)
        {
            owners.Remove(key);
        }
    }
}
