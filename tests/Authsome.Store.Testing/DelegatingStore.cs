using Authsome.Store.Migrations;

namespace Authsome.Store.Testing;

/// <summary>
/// A custom store that hands every call to another store: derive from it to stand for your own backend in tests, or to
/// try what the engine does with a store that is not one of the shipped ones (it is not an <c>IPluginStoreHost</c>, so
/// it provides a plugin's sub-store only by implementing the plugin's interface itself).
/// </summary>
public class DelegatingStore(IAuthsomeStore inner) : IAuthsomeStore
{
    /// <summary>The store every call goes to.</summary>
    protected IAuthsomeStore Inner { get; } = inner ?? throw new ArgumentNullException(nameof(inner));

    /// <inheritdoc />
    public virtual IUserStore Users => Inner.Users;

    /// <inheritdoc />
    public virtual ISessionStore Sessions => Inner.Sessions;

    /// <inheritdoc />
    public virtual IVerificationStore Verifications => Inner.Verifications;

    /// <inheritdoc />
    public virtual IPasswordResetStore PasswordResets => Inner.PasswordResets;

    /// <inheritdoc />
    public virtual IAppStore Apps => Inner.Apps;

    /// <inheritdoc />
    public virtual IEnvironmentStore Environments => Inner.Environments;

    /// <inheritdoc />
    public virtual IOrganizationStore Organizations => Inner.Organizations;

    /// <inheritdoc />
    public virtual IMemberStore Members => Inner.Members;

    /// <inheritdoc />
    public virtual IInvitationStore Invitations => Inner.Invitations;

    /// <inheritdoc />
    public virtual ITeamStore Teams => Inner.Teams;

    /// <inheritdoc />
    public virtual IDeviceStore Devices => Inner.Devices;

    /// <inheritdoc />
    public virtual IWebhookStore Webhooks => Inner.Webhooks;

    /// <inheritdoc />
    public virtual INotificationStore Notifications => Inner.Notifications;

    /// <inheritdoc />
    public virtual IApiKeyStore ApiKeys => Inner.ApiKeys;

    /// <inheritdoc />
    public virtual IFormConfigStore FormConfigs => Inner.FormConfigs;

    /// <inheritdoc />
    public virtual IBrandingStore Branding => Inner.Branding;

    /// <inheritdoc />
    public virtual IAppConfigStore<AppSessionConfig> AppSessionConfigs => Inner.AppSessionConfigs;

    /// <inheritdoc />
    public virtual IAppConfigStore<AppClientConfig> AppClientConfigs => Inner.AppClientConfigs;

    /// <inheritdoc />
    public virtual ISettingsStore Settings => Inner.Settings;

    /// <inheritdoc />
    public virtual IServiceAccountStore ServiceAccounts => Inner.ServiceAccounts;

    /// <inheritdoc />
    public virtual IRoleStore Roles => Inner.Roles;

    /// <inheritdoc />
    public virtual IRoleAssignmentStore RoleAssignments => Inner.RoleAssignments;

    /// <inheritdoc />
    public virtual ICounterStore Counters => Inner.Counters;

    /// <inheritdoc />
    public Task<IReadOnlyList<PlannedMigration>> MigrateAsync(IEnumerable<MigrationGroup> extraGroups, CancellationToken cancellationToken) =>
        Inner.MigrateAsync(extraGroups, cancellationToken);

    /// <inheritdoc />
    public Task<MigrationStatus> GetMigrationStatusAsync(IEnumerable<MigrationGroup> extraGroups, CancellationToken cancellationToken) =>
        Inner.GetMigrationStatusAsync(extraGroups, cancellationToken);

    /// <summary>
    /// Runs the unit on the inner store, handing the work this store (so what a derived store overrides takes part in
    /// the unit; the inner store's calls in the work's flow enlist).
    /// </summary>
    public virtual Task<T> InTransactionAsync<T>(Func<IAuthsomeStore, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        return Inner.InTransactionAsync((_, ct) => work(this, ct), cancellationToken);
    }

    /// <inheritdoc />
    public Task PingAsync(CancellationToken cancellationToken) => Inner.PingAsync(cancellationToken);

    /// <inheritdoc />
    public Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken) => Inner.PurgeExpiredAsync(now, cancellationToken);

    /// <inheritdoc />
    public virtual async ValueTask DisposeAsync()
    {
        await Inner.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
