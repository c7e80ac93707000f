namespace Authsome.Store.Memory;

/// <summary>
/// The rows of one entity, by id, with the unique indexes the database backends declare. Writes check every
/// index before changing anything, so a refused write leaves the table as it was. Not thread-safe on its own:
/// every access happens under <see cref="MemoryState"/>'s lock.
/// </summary>
/// <remarks>Every change records its undo in the store's <see cref="MemoryJournal"/> (which keeps it only inside a unit of work).</remarks>
internal sealed class MemoryTable<T>(MemoryJournal journal, string entity, Func<T, Id<T>> idOf, params MemoryIndex<T>[] indexes)
    where T : class, IHasIdPrefix
{
    private readonly Dictionary<Id<T>, T> rows = [];

    /// <summary>The entity name used in errors, e.g. "user".</summary>
    public string Entity => entity;

    public IEnumerable<T> Rows => rows.Values;

    public T? Get(Id<T> id) => rows.GetValueOrDefault(id);

    public T? Find(MemoryIndex<T> index, object key) => index.TryFind(key, out var id) ? rows[id] : null;

    /// <summary>Rows matching the predicate, in id order (the order every list of the contract uses).</summary>
    public IEnumerable<T> Where(Func<T, bool> predicate) => rows.Values.Where(predicate).OrderBy(idOf);

    /// <summary>Adds a row; throws <see cref="StoreConflictException"/> (Duplicate for the id, else the index's kind).</summary>
    public void Insert(T row)
    {
        var id = idOf(row);
        if (rows.ContainsKey(id))
        {
            throw new StoreConflictException(ConflictKind.Duplicate, entity);
        }

        foreach (var index in indexes)
        {
            index.EnsureFree(row, id, entity);
        }

        Add(row, id);
        journal.Record(() => Drop(id));
    }

    /// <summary>Replaces the stored row with the same id; throws <see cref="StoreNotFoundException"/> when there is none.</summary>
    public void Replace(T row)
    {
        var id = idOf(row);
        var old = rows.GetValueOrDefault(id) ?? throw new StoreNotFoundException(entity);
        foreach (var index in indexes)
        {
            index.EnsureFree(row, id, entity);
        }

        Drop(id);
        Add(row, id);
        journal.Record(() =>
        {
            Drop(id);
            Add(old, id);
        });
    }

    public bool Remove(Id<T> id)
    {
        if (Drop(id) is not { } old)
        {
            return false;
        }

        journal.Record(() => Add(old, id));
        return true;
    }

    /// <summary>Removes every row matching the predicate and returns them.</summary>
    public IReadOnlyList<T> RemoveWhere(Func<T, bool> predicate)
    {
        var removed = rows.Values.Where(predicate).ToList();
        foreach (var row in removed)
        {
            Remove(idOf(row));
        }

        return removed;
    }

    /// <summary>A page of the rows matching the predicate, in id order, with the total that match.</summary>
    public Page<T> Page(Func<T, bool> predicate, PageRequest request)
    {
        var after = request.After<T>();
        var matching = rows.Values.Where(predicate).ToList();
        var window = matching
            .Where(row => after is not { } cursor || idOf(row).CompareTo(cursor) > 0)
            .OrderBy(idOf)
            .Take(request.Limit + 1)
            .ToList();
        return Store.Page.FromOverfetch(window, request, matching.Count, row => idOf(row).ToString());
    }

    private void Add(T row, Id<T> id)
    {
        foreach (var index in indexes)
        {
            index.Add(row, id);
        }

        rows.Add(id, row);
    }

    private T? Drop(Id<T> id)
    {
        if (!rows.Remove(id, out var old))
        {
            return null;
        }

        foreach (var index in indexes)
        {
            index.Remove(old);
        }

        return old;
    }
}
