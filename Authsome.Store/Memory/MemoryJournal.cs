namespace Authsome.Store.Memory;

/// <summary>
/// The undo log of the in-memory store's unit of work in progress: while one runs, every change records what undoes it,
/// and a unit that rolls back runs those newest first. Touched only under <see cref="MemoryState"/>'s lock; outside a
/// unit it records nothing.
/// </summary>
internal sealed class MemoryJournal
{
    private List<Action>? _undo;

    public void Begin() => _undo = [];

    /// <summary>Records what undoes a change just made (nothing outside a unit).</summary>
    public void Record(Action undo) => _undo?.Add(undo);

    /// <summary>Sets a map entry, recording what was there.</summary>
    public void Set<TKey, TValue>(Dictionary<TKey, TValue> map, TKey key, TValue value)
        where TKey : notnull
    {
        RecordRestore(map, key);
        map[key] = value;
    }

    /// <summary>Removes a map entry, recording it.</summary>
    public bool Remove<TKey, TValue>(Dictionary<TKey, TValue> map, TKey key)
        where TKey : notnull
    {
        RecordRestore(map, key);
        return map.Remove(key);
    }

    /// <summary>Undoes every recorded change, newest first, and stops recording.</summary>
    public void Rollback()
    {
        if (_undo is { } undo)
        {
            for (var i = undo.Count - 1; i >= 0; i--)
            {
                undo[i]();
            }
        }

        _undo = null;
    }

    /// <summary>Keeps every change and stops recording.</summary>
    public void Commit() => _undo = null;

    private void RecordRestore<TKey, TValue>(Dictionary<TKey, TValue> map, TKey key)
        where TKey : notnull
    {
        if (_undo is null)
        {
            return;
        }

        if (map.TryGetValue(key, out var old))
        {
            _undo.Add(() => map[key] = old);
        }
        else
        {
            _undo.Add(() => map.Remove(key));
        }
    }
}
