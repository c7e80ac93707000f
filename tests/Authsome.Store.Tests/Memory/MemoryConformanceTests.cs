using Authsome.Store.Testing;
using Authsome.Store.Testing.Plugins;

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

public sealed class MemoryOrganizationStoreTests : OrganizationStoreConformanceTests
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) => MemoryStoreFactory.CreateAsync(cancellationToken);
}

public sealed class MemoryDeviceStoreTests : DeviceStoreConformanceTests
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) => MemoryStoreFactory.CreateAsync(cancellationToken);
}

public sealed class MemoryWebhookStoreTests : WebhookStoreConformanceTests
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) => MemoryStoreFactory.CreateAsync(cancellationToken);
}

public sealed class MemoryNotificationStoreTests : NotificationStoreConformanceTests
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) => MemoryStoreFactory.CreateAsync(cancellationToken);
}

public sealed class MemoryApiKeyStoreTests : ApiKeyStoreConformanceTests
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) => MemoryStoreFactory.CreateAsync(cancellationToken);
}

public sealed class MemoryFormStoreTests : FormStoreConformanceTests
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) => MemoryStoreFactory.CreateAsync(cancellationToken);
}

public sealed class MemoryAppConfigStoreTests : AppConfigStoreConformanceTests
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) => MemoryStoreFactory.CreateAsync(cancellationToken);
}

public sealed class MemorySettingsStoreTests : SettingsStoreConformanceTests
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) => MemoryStoreFactory.CreateAsync(cancellationToken);
}

public sealed class MemoryCounterStoreTests : CounterStoreConformanceTests
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) => MemoryStoreFactory.CreateAsync(cancellationToken);
}

public sealed class MemoryServiceAccountStoreTests : ServiceAccountStoreConformanceTests
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) => MemoryStoreFactory.CreateAsync(cancellationToken);
}

public sealed class MemoryRbacStoreTests : RbacStoreConformanceTests
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) => MemoryStoreFactory.CreateAsync(cancellationToken);
}

public sealed class MemoryLifecycleTests : LifecycleConformanceTests
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) => MemoryStoreFactory.CreateAsync(cancellationToken);
}

public sealed class MemoryPasswordHistoryTests : PasswordHistoryConformanceTests
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) => MemoryStoreFactory.CreateAsync(cancellationToken);
}

public sealed class MemoryMagicLinkTests : MagicLinkConformanceTests
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) => MemoryStoreFactory.CreateAsync(cancellationToken);
}

public sealed class MemorySigningKeyTests : SigningKeyConformanceTests
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) => MemoryStoreFactory.CreateAsync(cancellationToken);
}

public sealed class MemorySocialTests : SocialConformanceTests
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) => MemoryStoreFactory.CreateAsync(cancellationToken);
}

public sealed class MemoryUnitOfWorkTests : UnitOfWorkConformanceTests
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) => MemoryStoreFactory.CreateAsync(cancellationToken);
}
