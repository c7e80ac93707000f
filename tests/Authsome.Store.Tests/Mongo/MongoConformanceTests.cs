using Authsome.Store.Migrations;
using Authsome.Store.Mongo;
using Authsome.Store.Testing;
using Authsome.Store.Testing.Plugins;

namespace Authsome.Store.Tests.Mongo;

// The MongoDB backend against the whole conformance suite. Each class works in its own database (migrated once);
// every test gets a new MongoStore over it.

public sealed class MongoUserStoreTests : UserStoreConformanceTests
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) =>
        MongoTestServer.CreateMigratedStoreAsync(nameof(MongoUserStoreTests), cancellationToken);
}

public sealed class MongoSessionStoreTests : SessionStoreConformanceTests
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) =>
        MongoTestServer.CreateMigratedStoreAsync(nameof(MongoSessionStoreTests), cancellationToken);
}

public sealed class MongoAccountStoreTests : AccountStoreConformanceTests
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) =>
        MongoTestServer.CreateMigratedStoreAsync(nameof(MongoAccountStoreTests), cancellationToken);
}

public sealed class MongoAppStoreTests : AppStoreConformanceTests
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) =>
        MongoTestServer.CreateMigratedStoreAsync(nameof(MongoAppStoreTests), cancellationToken);
}

public sealed class MongoEnvironmentStoreTests : EnvironmentStoreConformanceTests
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) =>
        MongoTestServer.CreateMigratedStoreAsync(nameof(MongoEnvironmentStoreTests), cancellationToken);
}

public sealed class MongoOrganizationStoreTests : OrganizationStoreConformanceTests
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) =>
        MongoTestServer.CreateMigratedStoreAsync(nameof(MongoOrganizationStoreTests), cancellationToken);
}

public sealed class MongoDeviceStoreTests : DeviceStoreConformanceTests
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) =>
        MongoTestServer.CreateMigratedStoreAsync(nameof(MongoDeviceStoreTests), cancellationToken);
}

public sealed class MongoWebhookStoreTests : WebhookStoreConformanceTests
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) =>
        MongoTestServer.CreateMigratedStoreAsync(nameof(MongoWebhookStoreTests), cancellationToken);
}

public sealed class MongoNotificationStoreTests : NotificationStoreConformanceTests
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) =>
        MongoTestServer.CreateMigratedStoreAsync(nameof(MongoNotificationStoreTests), cancellationToken);
}

public sealed class MongoApiKeyStoreTests : ApiKeyStoreConformanceTests
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) =>
        MongoTestServer.CreateMigratedStoreAsync(nameof(MongoApiKeyStoreTests), cancellationToken);
}

public sealed class MongoFormStoreTests : FormStoreConformanceTests
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) =>
        MongoTestServer.CreateMigratedStoreAsync(nameof(MongoFormStoreTests), cancellationToken);
}

public sealed class MongoAppConfigStoreTests : AppConfigStoreConformanceTests
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) =>
        MongoTestServer.CreateMigratedStoreAsync(nameof(MongoAppConfigStoreTests), cancellationToken);
}

public sealed class MongoSettingsStoreTests : SettingsStoreConformanceTests
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) =>
        MongoTestServer.CreateMigratedStoreAsync(nameof(MongoSettingsStoreTests), cancellationToken);
}

public sealed class MongoCounterStoreTests : CounterStoreConformanceTests
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) =>
        MongoTestServer.CreateMigratedStoreAsync(nameof(MongoCounterStoreTests), cancellationToken);
}

public sealed class MongoServiceAccountStoreTests : ServiceAccountStoreConformanceTests
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) =>
        MongoTestServer.CreateMigratedStoreAsync(nameof(MongoServiceAccountStoreTests), cancellationToken);
}

public sealed class MongoRbacStoreTests : RbacStoreConformanceTests
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) =>
        MongoTestServer.CreateMigratedStoreAsync(nameof(MongoRbacStoreTests), cancellationToken);
}

public sealed class MongoLifecycleTests : LifecycleConformanceTests
{
    protected override IEnumerable<MigrationScript> NoOpScripts => [new MongoMigrationScript(MongoMigrationStep.RunCommand("""{ "ping": 1 }"""))];

    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) =>
        MongoTestServer.CreateMigratedStoreAsync(nameof(MongoLifecycleTests), cancellationToken);
}

// The suites where multi-document atomicity matters, again with transactions off, as on a standalone server:
// rotation then relies on the revoked-token insert alone, and cascades on their children-first order.

public sealed class MongoStandaloneSessionStoreTests : SessionStoreConformanceTests
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) =>
        MongoTestServer.CreateMigratedStoreAsync(nameof(MongoStandaloneSessionStoreTests), cancellationToken, MongoTestServer.Standalone);
}

public sealed class MongoStandaloneAppStoreTests : AppStoreConformanceTests
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) =>
        MongoTestServer.CreateMigratedStoreAsync(nameof(MongoStandaloneAppStoreTests), cancellationToken, MongoTestServer.Standalone);
}

public sealed class MongoStandaloneEnvironmentStoreTests : EnvironmentStoreConformanceTests
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) =>
        MongoTestServer.CreateMigratedStoreAsync(nameof(MongoStandaloneEnvironmentStoreTests), cancellationToken, MongoTestServer.Standalone);
}

public sealed class MongoStandaloneOrganizationStoreTests : OrganizationStoreConformanceTests
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) =>
        MongoTestServer.CreateMigratedStoreAsync(nameof(MongoStandaloneOrganizationStoreTests), cancellationToken, MongoTestServer.Standalone);
}

public sealed class MongoStandaloneRbacStoreTests : RbacStoreConformanceTests
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) =>
        MongoTestServer.CreateMigratedStoreAsync(nameof(MongoStandaloneRbacStoreTests), cancellationToken, MongoTestServer.Standalone);
}

public sealed class MongoPasswordHistoryTests : PasswordHistoryConformanceTests
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) =>
        MongoTestServer.CreateMigratedStoreAsync(nameof(MongoPasswordHistoryTests), cancellationToken);
}

public sealed class MongoStandalonePasswordHistoryTests : PasswordHistoryConformanceTests
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) =>
        MongoTestServer.CreateMigratedStoreAsync(nameof(MongoStandalonePasswordHistoryTests), cancellationToken, MongoTestServer.Standalone);
}

public sealed class MongoMagicLinkTests : MagicLinkConformanceTests
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) =>
        MongoTestServer.CreateMigratedStoreAsync(nameof(MongoMagicLinkTests), cancellationToken);
}

public sealed class MongoSigningKeyTests : SigningKeyConformanceTests
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) =>
        MongoTestServer.CreateMigratedStoreAsync(nameof(MongoSigningKeyTests), cancellationToken);
}

public sealed class MongoSocialTests : SocialConformanceTests
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) =>
        MongoTestServer.CreateMigratedStoreAsync(nameof(MongoSocialTests), cancellationToken);
}

public sealed class MongoUnitOfWorkTests : UnitOfWorkConformanceTests
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) =>
        MongoTestServer.CreateMigratedStoreAsync(nameof(MongoUnitOfWorkTests), cancellationToken);
}
