using Authsome.Store.Testing;
using Authsome.Store.Testing.Plugins;

namespace Authsome.Store.Tests.Postgres;

// The PostgreSQL backend against the whole conformance suite: each class on its own migrated database.

public sealed class PostgresUserStoreTests(PostgresDatabaseFixture database) : UserStoreConformanceTests, IClassFixture<PostgresDatabaseFixture>
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) => database.CreateStoreAsync();
}

public sealed class PostgresSessionStoreTests(PostgresDatabaseFixture database) : SessionStoreConformanceTests, IClassFixture<PostgresDatabaseFixture>
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) => database.CreateStoreAsync();
}

public sealed class PostgresAccountStoreTests(PostgresDatabaseFixture database) : AccountStoreConformanceTests, IClassFixture<PostgresDatabaseFixture>
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) => database.CreateStoreAsync();
}

public sealed class PostgresAppStoreTests(PostgresDatabaseFixture database) : AppStoreConformanceTests, IClassFixture<PostgresDatabaseFixture>
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) => database.CreateStoreAsync();
}

public sealed class PostgresEnvironmentStoreTests(PostgresDatabaseFixture database) : EnvironmentStoreConformanceTests, IClassFixture<PostgresDatabaseFixture>
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) => database.CreateStoreAsync();
}

public sealed class PostgresOrganizationStoreTests(PostgresDatabaseFixture database) : OrganizationStoreConformanceTests, IClassFixture<PostgresDatabaseFixture>
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) => database.CreateStoreAsync();
}

public sealed class PostgresDeviceStoreTests(PostgresDatabaseFixture database) : DeviceStoreConformanceTests, IClassFixture<PostgresDatabaseFixture>
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) => database.CreateStoreAsync();
}

public sealed class PostgresWebhookStoreTests(PostgresDatabaseFixture database) : WebhookStoreConformanceTests, IClassFixture<PostgresDatabaseFixture>
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) => database.CreateStoreAsync();
}

public sealed class PostgresNotificationStoreTests(PostgresDatabaseFixture database) : NotificationStoreConformanceTests, IClassFixture<PostgresDatabaseFixture>
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) => database.CreateStoreAsync();
}

public sealed class PostgresApiKeyStoreTests(PostgresDatabaseFixture database) : ApiKeyStoreConformanceTests, IClassFixture<PostgresDatabaseFixture>
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) => database.CreateStoreAsync();
}

public sealed class PostgresFormStoreTests(PostgresDatabaseFixture database) : FormStoreConformanceTests, IClassFixture<PostgresDatabaseFixture>
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) => database.CreateStoreAsync();
}

public sealed class PostgresAppConfigStoreTests(PostgresDatabaseFixture database) : AppConfigStoreConformanceTests, IClassFixture<PostgresDatabaseFixture>
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) => database.CreateStoreAsync();
}

public sealed class PostgresSettingsStoreTests(PostgresDatabaseFixture database) : SettingsStoreConformanceTests, IClassFixture<PostgresDatabaseFixture>
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) => database.CreateStoreAsync();
}

public sealed class PostgresCounterStoreTests(PostgresDatabaseFixture database) : CounterStoreConformanceTests, IClassFixture<PostgresDatabaseFixture>
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) => database.CreateStoreAsync();
}

public sealed class PostgresServiceAccountStoreTests(PostgresDatabaseFixture database) : ServiceAccountStoreConformanceTests, IClassFixture<PostgresDatabaseFixture>
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) => database.CreateStoreAsync();
}

public sealed class PostgresRbacStoreTests(PostgresDatabaseFixture database) : RbacStoreConformanceTests, IClassFixture<PostgresDatabaseFixture>
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) => database.CreateStoreAsync();
}

public sealed class PostgresLifecycleTests(PostgresDatabaseFixture database) : LifecycleConformanceTests, IClassFixture<PostgresDatabaseFixture>
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) => database.CreateStoreAsync();
}

public sealed class PostgresPasswordHistoryTests(PostgresDatabaseFixture database) : PasswordHistoryConformanceTests, IClassFixture<PostgresDatabaseFixture>
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) => database.CreateStoreAsync();
}

public sealed class PostgresMagicLinkTests(PostgresDatabaseFixture database) : MagicLinkConformanceTests, IClassFixture<PostgresDatabaseFixture>
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) => database.CreateStoreAsync();
}

public sealed class PostgresSigningKeyTests(PostgresDatabaseFixture database) : SigningKeyConformanceTests, IClassFixture<PostgresDatabaseFixture>
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) => database.CreateStoreAsync();
}

public sealed class PostgresSocialTests(PostgresDatabaseFixture database) : SocialConformanceTests, IClassFixture<PostgresDatabaseFixture>
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) => database.CreateStoreAsync();
}

public sealed class PostgresUnitOfWorkTests(PostgresDatabaseFixture database) : UnitOfWorkConformanceTests, IClassFixture<PostgresDatabaseFixture>
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) => database.CreateStoreAsync();
}
