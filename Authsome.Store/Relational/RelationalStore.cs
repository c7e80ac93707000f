using Authsome.Store.Migrations;
using Authsome.Store.Plugins;
using Microsoft.Extensions.Logging;

namespace Authsome.Store.Relational;

/// <summary>
/// What the PostgreSQL and SQLite stores share: every sub-store, written once against <see cref="RelationalDatabase"/>,
/// and the store's lifecycle. The subclasses only supply the database, its dialect and its migration driver.
/// Plugins' sub-stores are built from their <see cref="PluginStoreDefinition{TStore}.Relational"/> factory over
/// the same database (<see cref="RelationalPluginContext"/>).
/// </summary>
public abstract class RelationalStore : IAuthsomeStore, IPluginStoreHost
{
    private const string PurgeEntity = "expired records";

    private readonly ILogger _logger;
    private readonly PluginStoreCache _pluginStores = new();

    /// <summary>The clock the migration driver stamps applied migrations and lock waits with. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    private protected RelationalStore(RelationalDatabase database, ILogger logger)
    {
        Database = database;
        _logger = logger;
        Users = new RelationalUserStore(database);
        Sessions = new RelationalSessionStore(database);
        Verifications = new RelationalVerificationStore(database);
        PasswordResets = new RelationalPasswordResetStore(database);
        Apps = new RelationalAppStore(database);
        Environments = new RelationalEnvironmentStore(database);
        Organizations = new RelationalOrganizationStore(database);
        Members = new RelationalMemberStore(database);
        Invitations = new RelationalInvitationStore(database);
        Teams = new RelationalTeamStore(database);
        Devices = new RelationalDeviceStore(database);
        Webhooks = new RelationalWebhookStore(database);
        Notifications = new RelationalNotificationStore(database);
        ApiKeys = new RelationalApiKeyStore(database);
        FormConfigs = new RelationalFormConfigStore(database);
        Branding = new RelationalBrandingStore(database);
        AppSessionConfigs = new RelationalAppSessionConfigStore(database);
        AppClientConfigs = new RelationalAppClientConfigStore(database);
        Settings = new RelationalSettingsStore(database);
        ServiceAccounts = new RelationalServiceAccountStore(database);
        Roles = new RelationalRoleStore(database);
        RoleAssignments = new RelationalRoleAssignmentStore(database);
        Counters = new RelationalCounterStore(database);
    }

    public IUserStore Users { get; }
    public ISessionStore Sessions { get; }
    public IVerificationStore Verifications { get; }
    public IPasswordResetStore PasswordResets { get; }
    public IAppStore Apps { get; }
    public IEnvironmentStore Environments { get; }
    public IOrganizationStore Organizations { get; }
    public IMemberStore Members { get; }
    public IInvitationStore Invitations { get; }
    public ITeamStore Teams { get; }
    public IDeviceStore Devices { get; }
    public IWebhookStore Webhooks { get; }
    public INotificationStore Notifications { get; }
    public IApiKeyStore ApiKeys { get; }
    public IFormConfigStore FormConfigs { get; }
    public IBrandingStore Branding { get; }
    public IAppConfigStore<AppSessionConfig> AppSessionConfigs { get; }
    public IAppConfigStore<AppClientConfig> AppClientConfigs { get; }
    public ISettingsStore Settings { get; }
    public IServiceAccountStore ServiceAccounts { get; }
    public IRoleStore Roles { get; }
    public IRoleAssignmentStore RoleAssignments { get; }
    public ICounterStore Counters { get; }

    private protected RelationalDatabase Database { get; }

    /// <inheritdoc />
    public Task<IReadOnlyList<PlannedMigration>> MigrateAsync(IEnumerable<MigrationGroup> extraGroups, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(extraGroups);
        return MigrationOrchestrator.RunAsync(CreateMigrationDriver(), [CoreMigrations.Group, .. extraGroups], _logger, cancellationToken);
    }

    /// <inheritdoc />
    public Task<MigrationStatus> GetMigrationStatusAsync(IEnumerable<MigrationGroup> extraGroups, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(extraGroups);
        return MigrationOrchestrator.GetStatusAsync(CreateMigrationDriver(), [CoreMigrations.Group, .. extraGroups], cancellationToken);
    }

    /// <inheritdoc />
    public Task<T> InTransactionAsync<T>(Func<IAuthsomeStore, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        return Database.InTransactionAsync(ct => work(this, ct), cancellationToken);
    }

    /// <inheritdoc />
    public Task PingAsync(CancellationToken cancellationToken) =>
        Database.ReadAsync("database", s => s.ScalarAsync<int>("SELECT 1", null, cancellationToken), cancellationToken);

    /// <inheritdoc />
    public async Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var args = new { now = Database.Dialect.Time(StoreTime.Normalize(now)) };
        return await Database.TransactAsync(
            PurgeEntity,
            async s =>
            {
                var changed = 0;
                foreach (var statement in PurgeStatements)
                {
                    changed += await s.ExecuteAsync(statement, args, cancellationToken).ConfigureAwait(false);
                }

                return changed;
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    TStore IPluginStoreHost.GetPluginStore<TStore>(PluginStoreDefinition<TStore> definition) =>
        _pluginStores.GetOrCreate(definition, definition?.Relational, () => new RelationalPluginContext(Database), "relational (PostgreSQL, SQLite)");

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync().ConfigureAwait(false);
        GC.SuppressFinalize(this);
    }

    /// <summary>A migration driver for one run (or one status read).</summary>
    private protected abstract IMigrationDriver CreateMigrationDriver();

    // A session is unusable once its refresh token expires; tokens, links and resets once expired or used.
    private static readonly string[] PurgeStatements =
    [
        "DELETE FROM authsome_sessions WHERE refresh_token_expires_at <= @now",
        "DELETE FROM authsome_revoked_refresh_tokens WHERE expires_at <= @now",
        "DELETE FROM authsome_verifications WHERE expires_at <= @now OR consumed_at IS NOT NULL",
        "DELETE FROM authsome_password_resets WHERE expires_at <= @now OR consumed_at IS NOT NULL",
        "DELETE FROM authsome_counters WHERE window_ends_at <= @now",
        "UPDATE authsome_invitations SET status = 'expired', updated_at = @now WHERE status = 'pending' AND expires_at <= @now",
    ];
}
