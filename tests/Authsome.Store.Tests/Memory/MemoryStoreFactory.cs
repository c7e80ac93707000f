using Authsome.Store.Memory;

namespace Authsome.Store.Tests.Memory;

internal static class MemoryStoreFactory
{
    public static async ValueTask<IAuthsomeStore> CreateAsync(CancellationToken cancellationToken)
    {
        var store = new MemoryStore();
        await store.MigrateAsync([], cancellationToken);
        return store;
    }
}
