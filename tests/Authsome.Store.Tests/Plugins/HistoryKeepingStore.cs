using Authsome.Plugins.Password.History;
using Authsome.Store.Memory;
using Authsome.Store.Plugins;
using Authsome.Store.Testing;
using Authsome.Store.Testing.Plugins;

namespace Authsome.Store.Tests.Plugins;

/// <summary>
/// A custom store that implements the password plugin's sub-store itself, as a store wrapping another would: it hands
/// the history to the store it wraps.
/// </summary>
internal sealed class HistoryKeepingStore(IAuthsomeStore inner) : DelegatingStore(inner), IPasswordHistoryStore
{
    private readonly IPasswordHistoryStore _history = inner.GetPluginStore(PasswordHistoryStore.Definition);

    public ValueTask<IReadOnlyList<PasswordHistoryEntry>> GetRecentAsync(Id<User> userId, int count, CancellationToken cancellationToken) =>
        _history.GetRecentAsync(userId, count, cancellationToken);

    public ValueTask AddAsync(Id<User> userId, PasswordHistoryEntry entry, int keep, CancellationToken cancellationToken) =>
        _history.AddAsync(userId, entry, keep, cancellationToken);
}

public sealed class CustomStorePasswordHistoryTests : PasswordHistoryConformanceTests
{
    protected override async ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken)
    {
        var store = new HistoryKeepingStore(new MemoryStore());
        await store.MigrateAsync([], cancellationToken);
        return store;
    }
}
