using Authsome.Store.Sqlite;
using Authsome.Store.Testing;
using Authsome.Store.Testing.Plugins;

namespace Authsome.Store.Tests.Sqlite;

// The SQLite backend against the whole conformance suite: each class on its own database file in a temporary folder.

public sealed class SqliteUserStoreTests(SqliteDatabaseFixture database) : UserStoreConformanceTests, IClassFixture<SqliteDatabaseFixture>
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) => database.CreateStoreAsync();
}

public sealed class SqliteSessionStoreTests(SqliteDatabaseFixture database) : SessionStoreConformanceTests, IClassFixture<SqliteDatabaseFixture>
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) => database.CreateStoreAsync();
}

public sealed class SqliteAccountStoreTests(SqliteDatabaseFixture database) : AccountStoreConformanceTests, IClassFixture<SqliteDatabaseFixture>
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) => database.CreateStoreAsync();
}

public sealed class SqliteAppStoreTests(SqliteDatabaseFixture database) : AppStoreConformanceTests, IClassFixture<SqliteDatabaseFixture>
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) => database.CreateStoreAsync();
}

public sealed class SqliteEnvironmentStoreTests(SqliteDatabaseFixture database) : EnvironmentStoreConformanceTests, IClassFixture<SqliteDatabaseFixture>
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) => database.CreateStoreAsync();
}

public sealed class SqliteOrganizationStoreTests(SqliteDatabaseFixture database) : OrganizationStoreConformanceTests, IClassFixture<SqliteDatabaseFixture>
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) => database.CreateStoreAsync();
}

public sealed class SqliteDeviceStoreTests(SqliteDatabaseFixture database) : DeviceStoreConformanceTests, IClassFixture<SqliteDatabaseFixture>
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) => database.CreateStoreAsync();
}

public sealed class SqliteWebhookStoreTests(SqliteDatabaseFixture database) : WebhookStoreConformanceTests, IClassFixture<SqliteDatabaseFixture>
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) => database.CreateStoreAsync();
}

public sealed class SqliteNotificationStoreTests(SqliteDatabaseFixture database) : NotificationStoreConformanceTests, IClassFixture<SqliteDatabaseFixture>
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) => database.CreateStoreAsync();
}

public sealed class SqliteApiKeyStoreTests(SqliteDatabaseFixture database) : ApiKeyStoreConformanceTests, IClassFixture<SqliteDatabaseFixture>
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) => database.CreateStoreAsync();
}

public sealed class SqliteFormStoreTests(SqliteDatabaseFixture database) : FormStoreConformanceTests, IClassFixture<SqliteDatabaseFixture>
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) => database.CreateStoreAsync();
}

public sealed class SqliteAppConfigStoreTests(SqliteDatabaseFixture database) : AppConfigStoreConformanceTests, IClassFixture<SqliteDatabaseFixture>
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) => database.CreateStoreAsync();
}

public sealed class SqliteSettingsStoreTests(SqliteDatabaseFixture database) : SettingsStoreConformanceTests, IClassFixture<SqliteDatabaseFixture>
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) => database.CreateStoreAsync();
}

public sealed class SqliteCounterStoreTests(SqliteDatabaseFixture database) : CounterStoreConformanceTests, IClassFixture<SqliteDatabaseFixture>
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) => database.CreateStoreAsync();
}

public sealed class SqliteServiceAccountStoreTests(SqliteDatabaseFixture database) : ServiceAccountStoreConformanceTests, IClassFixture<SqliteDatabaseFixture>
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) => database.CreateStoreAsync();
}

public sealed class SqliteRbacStoreTests(SqliteDatabaseFixture database) : RbacStoreConformanceTests, IClassFixture<SqliteDatabaseFixture>
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) => database.CreateStoreAsync();
}

public sealed class SqliteLifecycleTests(SqliteDatabaseFixture database) : LifecycleConformanceTests, IClassFixture<SqliteDatabaseFixture>
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) => database.CreateStoreAsync();
}

public sealed class SqlitePasswordHistoryTests(SqliteDatabaseFixture database) : PasswordHistoryConformanceTests, IClassFixture<SqliteDatabaseFixture>
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) => database.CreateStoreAsync();
}

// A plugin's tables in a private in-memory database: the plugin must use the store's own connections to see them.
public sealed class SqliteInMemoryPasswordHistoryTests : PasswordHistoryConformanceTests
{
    protected override async ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken)
    {
        var store = new SqliteStore("Data Source=:memory:");
        await store.MigrateAsync([], cancellationToken);
        return store;
    }
}

public sealed class SqliteMagicLinkTests(SqliteDatabaseFixture database) : MagicLinkConformanceTests, IClassFixture<SqliteDatabaseFixture>
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) => database.CreateStoreAsync();
}

public sealed class SqliteSigningKeyTests(SqliteDatabaseFixture database) : SigningKeyConformanceTests, IClassFixture<SqliteDatabaseFixture>
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) => database.CreateStoreAsync();
}

public sealed class SqliteSocialTests(SqliteDatabaseFixture database) : SocialConformanceTests, IClassFixture<SqliteDatabaseFixture>
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) => database.CreateStoreAsync();
}

public sealed class SqliteUnitOfWorkTests(SqliteDatabaseFixture database) : UnitOfWorkConformanceTests, IClassFixture<SqliteDatabaseFixture>
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) => database.CreateStoreAsync();
}
