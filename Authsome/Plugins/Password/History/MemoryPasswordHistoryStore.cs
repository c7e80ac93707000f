using Authsome.Store;
using Authsome.Store.Memory;

namespace Authsome.Plugins.Password.History;

/// <summary>Password history beside the in-memory store's data, under its lock; a user's entries go with the user's app.</summary>
internal sealed class MemoryPasswordHistoryStore : IPasswordHistoryStore
{
    private const string Entity = "password history";

    private readonly MemoryPluginContext _context;

    // Each user's entries, newest first; touched only under the store's lock.
    private readonly Dictionary<Id<User>, List<PasswordHistoryEntry>> _history = [];

    public MemoryPasswordHistoryStore(MemoryPluginContext context)
    {
        _context = context;
        context.DeleteWithUsers(users =>
        {
            foreach (var user in users)
            {
                _history.Remove(user);
            }
        });
    }

    public ValueTask<IReadOnlyList<PasswordHistoryEntry>> GetRecentAsync(Id<User> userId, int count, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return _context.RunAsync<IReadOnlyList<PasswordHistoryEntry>>(
            () => _history.TryGetValue(userId, out var entries) ? [.. entries.Take(count)] : [],
            cancellationToken);
    }

    public ValueTask AddAsync(Id<User> userId, PasswordHistoryEntry entry, int keep, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentOutOfRangeException.ThrowIfNegative(keep);
        return _context.RunAsync(
            () =>
            {
                _context.EnsureUserExists(userId, Entity);
                var before = _history.TryGetValue(userId, out var entries) ? entries.ToList() : null;
                if (entries is null)
                {
                    _history[userId] = entries = [];
                }

                // Inside a unit of work that rolls back, the user's entries go back to what they were.
                _context.OnRollback(() =>
                {
                    if (before is null)
                    {
                        _history.Remove(userId);
                    }
                    else
                    {
                        _history[userId] = before;
                    }
                });

                // Newest first: after the entries at or after its time, as a database's ORDER BY created_at DESC puts it.
                var at = entries.FindIndex(e => e.CreatedAt < entry.CreatedAt);
                entries.Insert(at < 0 ? entries.Count : at, entry);
                if (entries.Count > keep)
                {
                    entries.RemoveRange(keep, entries.Count - keep);
                }
            },
            cancellationToken);
    }
}
