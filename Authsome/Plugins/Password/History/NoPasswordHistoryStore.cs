using Authsome.Store;

namespace Authsome.Plugins.Password.History;

/// <summary>The history when <c>Authsome:Password:HistoryLength</c> is 0: nothing is kept, so any store will do.</summary>
internal sealed class NoPasswordHistoryStore : IPasswordHistoryStore
{
    public static NoPasswordHistoryStore Instance { get; } = new();

    public ValueTask<IReadOnlyList<PasswordHistoryEntry>> GetRecentAsync(Id<User> userId, int count, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<PasswordHistoryEntry>>([]);

    public ValueTask AddAsync(Id<User> userId, PasswordHistoryEntry entry, int keep, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
