using Authsome.Store.Testing;

namespace Authsome.Store.Tests.Memory;

// The memory backend against the whole conformance suite: every test gets a new, empty store.

public sealed class MemoryUserStoreTests : UserStoreConformanceTests
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) => MemoryStoreFactory.CreateAsync(cancellationToken);
}

public sealed class MemorySessionStoreTests : SessionStoreConformanceTests
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) => MemoryStoreFactory.CreateAsync(cancellationToken);
}

public sealed class MemoryAccountStoreTests : AccountStoreConformanceTests
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) => MemoryStoreFactory.CreateAsync(cancellationToken);
}

public sealed class MemoryAppStoreTests : AppStoreConformanceTests
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) => MemoryStoreFactory.CreateAsync(cancellationToken);
}

public sealed class MemoryEnvironmentStoreTests : EnvironmentStoreConformanceTests
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) => MemoryStoreFactory.CreateAsync(cancellationToken);
}
