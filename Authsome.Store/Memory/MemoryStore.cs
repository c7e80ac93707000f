using Authsome.Store.Migrations;
using Authsome.Store.Plugins;

namespace Authsome.Store.Memory;

/// <summary>
/// An <see cref="IAuthsomeStore"/> that keeps everything in the process's memory: for tests, local development
/// and demos. It keeps the same rules as the database backends (uniqueness, soft delete, cascades, compare-and-swap,
/// paging) and passes the same conformance suite; lookups by token hash, email, slug and key are O(1). Thread-safe.
/// Everything is lost when the process ends, and two processes never see each other's data.
/// </summary>
public sealed class MemoryStore : IAuthsomeStore, IPluginStoreHost
{
    // Nothing to create in memory, but plugin groups depend on the core group by name.
    private static readonly MigrationGroup CoreGroup = new(MigrationGroup.CoreName, [], []);

    private readonly MemoryState state = new();
    private readonly TimeProvider timeProvider;
    private readonly PluginStoreCache _pluginStores = new();

    /// <summary>Creates an empty store. <paramref name="timeProvider"/> stamps applied migrations (the system clock by default).</summary>
    public MemoryStore(TimeProvider? timeProvider = null)
    {
        this.timeProvider = timeProvider ?? TimeProvider.System;
        Users = new MemoryUserStore(state);
        Sessions = new MemorySessionStore(state);
        Verifications = new MemoryVerificationStore(state);
        PasswordResets = new MemoryPasswordResetStore(state);
        Apps = new MemoryAppStore(state);
        Environments = new MemoryEnvironmentStore(state);
        Organizations = new MemoryOrganizationStore(state);
        Members = new MemoryMemberStore(state);
        Invitations = new MemoryInvitationStore(state);
        Teams = new MemoryTeamStore(state);
        Devices = new MemoryDeviceStore(state);
        Webhooks = new MemoryWebhookStore(state);
        Notifications = new MemoryNotificationStore(state);
        ApiKeys = new MemoryApiKeyStore(state);
        FormConfigs = new MemoryFormConfigStore(state);
        Branding = new MemoryBrandingStore(state);
        AppSessionConfigs = new MemoryAppConfigStore<AppSessionConfig>(
            state, state.SessionConfigs, state.SessionConfigsByApp, c => c.AppId, (c, stored) => c with { Id = stored.Id, CreatedAt = stored.CreatedAt });
        AppClientConfigs = new MemoryAppConfigStore<AppClientConfig>(
            state, state.ClientConfigs, state.ClientConfigsByApp, c => c.AppId, (c, stored) => c with { Id = stored.Id, CreatedAt = stored.CreatedAt });
        Settings = new MemorySettingsStore(state);
        ServiceAccounts = new MemoryServiceAccountStore(state);
        Roles = new MemoryRoleStore(state);
        RoleAssignments = new MemoryRoleAssignmentStore(state);
        Counters = new MemoryCounterStore(state);
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

    /// <summary>
    /// Checks the groups form a valid plan (as every backend does) and records their migrations as applied; there is
    /// no schema to change. Returns the migrations recorded by this call, none on a second call.
    /// </summary>
    public Task<IReadOnlyList<PlannedMigration>> MigrateAsync(IEnumerable<MigrationGroup> extraGroups, CancellationToken cancellationToken) =>
        state.Run<IReadOnlyList<PlannedMigration>>(
            () =>
            {
                var ordered = MigrationOrchestrator.Order([CoreGroup, .. extraGroups]);
                var appliedAt = timeProvider.GetStoreNow();
                var applied = new List<PlannedMigration>();
                foreach (var group in ordered)
                {
                    foreach (var migration in group.Migrations.Where(m => !state.AppliedMigrations.ContainsKey((group.Name, m.Version))))
                    {
                        state.AppliedMigrations.Add(
                            (group.Name, migration.Version),
                            new AppliedMigration(group.Name, migration.Version, migration.Name, ChecksumOf(migration), appliedAt));
                        applied.Add(new PlannedMigration(group.Name, migration.Version, migration.Name, appliedAt));
                    }
                }

                return applied;
            },
            cancellationToken).AsTask();

    /// <inheritdoc />
    public Task<MigrationStatus> GetMigrationStatusAsync(IEnumerable<MigrationGroup> extraGroups, CancellationToken cancellationToken) =>
        state.Run(
            () =>
            {
                var ordered = MigrationOrchestrator.Order([CoreGroup, .. extraGroups]);
                var planned = ordered
                    .SelectMany(g => g.Migrations.Select(m => new PlannedMigration(
                        g.Name, m.Version, m.Name, state.AppliedMigrations.GetValueOrDefault((g.Name, m.Version))?.AppliedAt)))
                    .ToList();
                var known = planned.Select(p => (p.Group, p.Version)).ToHashSet();
                return new MigrationStatus(planned, [.. state.AppliedMigrations.Values.Where(a => !known.Contains((a.Group, a.Version)))]);
            },
            cancellationToken).AsTask();

    /// <inheritdoc />
    public Task<T> InTransactionAsync<T>(Func<IAuthsomeStore, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        return state.InTransactionAsync(ct => work(this, ct), cancellationToken);
    }

    /// <summary>Always answers: there is nothing to reach.</summary>
    public Task PingAsync(CancellationToken cancellationToken) =>
        cancellationToken.IsCancellationRequested ? Task.FromCanceled(cancellationToken) : Task.CompletedTask;

    /// <inheritdoc />
    public Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        state.Run(
            () =>
            {
                var count = state.Sessions.RemoveWhere(s => s.RefreshTokenExpiresAt <= now).Count;
                foreach (var revoked in state.RevokedRefreshTokens.Values.Where(r => r.ExpiresAt <= now).ToList())
                {
                    state.Journal.Remove(state.RevokedRefreshTokens, revoked.TokenHash);
                    count++;
                }

                count += state.Verifications.RemoveWhere(v => v.ConsumedAt is not null || v.ExpiresAt <= now).Count;
                count += state.PasswordResets.RemoveWhere(r => r.ConsumedAt is not null || r.ExpiresAt <= now).Count;
                foreach (var key in state.Counters.Where(c => c.Value.WindowEndsAt <= now).Select(c => c.Key).ToList())
                {
                    state.Journal.Remove(state.Counters, key);
                    count++;
                }

                foreach (var invitation in state.Invitations.Rows.Where(i => i.Status == InvitationStatus.Pending && i.ExpiresAt <= now).ToList())
                {
                    state.Invitations.Replace(invitation with { Status = InvitationStatus.Expired, UpdatedAt = now });
                    count++;
                }

                return count;
            },
            cancellationToken).AsTask();

    /// <inheritdoc />
    TStore IPluginStoreHost.GetPluginStore<TStore>(PluginStoreDefinition<TStore> definition) =>
        _pluginStores.GetOrCreate(definition, definition?.Memory, () => new MemoryPluginContext(state), "in-memory");

    /// <summary>Nothing to release.</summary>
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    // The memory store runs no script, so it records a digest of all of them.
    private static string ChecksumOf(Migration migration) =>
        string.Join(',', migration.Scripts.Values.OrderBy(s => s.Dialect, StringComparer.Ordinal).Select(s => s.Checksum));
}
