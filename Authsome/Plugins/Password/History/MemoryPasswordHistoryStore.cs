using System.Collections.Concurrent;
using System.Collections.Immutable;
using Authsome.Store;

namespace Authsome.Plugins.Password.History;

/// <summary>Password history in process memory, for the in-memory store (whose data lives as long as the process too).</summary>
internal sealed class MemoryPasswordHistoryStore : IPasswordHistoryStore
{
    private readonly ConcurrentDictionary<Id<User>, ImmutableList<string>> history = new();

    public ValueTask<IReadOnlyList<string>> GetRecentAsync(Id<User> userId, int count, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<string>>(history.TryGetValue(userId, out var hashes) ? [.. hashes.Take(count)] : []);

    public ValueTask AddAsync(Id<User> userId, string passwordHash, DateTimeOffset at, int keep, CancellationToken cancellationToken)
    {
        history.AddOrUpdate(userId,
            _ => [passwordHash],
            (_, hashes) => hashes.Insert(0, passwordHash).Take(keep).ToImmutableList());
        return ValueTask.CompletedTask;
    }
}
