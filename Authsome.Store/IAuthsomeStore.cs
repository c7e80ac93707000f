using Authsome.Store.Migrations;

namespace Authsome.Store;

/// <summary>
/// Everything Authsome persists, as one object made of sub-stores, plus the store's lifecycle. Every backend
/// (PostgreSQL, SQLite, MongoDB, in-memory, or your own) implements all of it and passes the same conformance
/// suite (<c>Authsome.Store.Testing</c>). Disposing the store closes it (releases connections).
/// </summary>
/// <remarks>
/// The contract every sub-store keeps: <c>Get*</c> returns null when nothing matches; updates of a missing entity
/// throw <see cref="StoreNotFoundException"/>; deletes return whether something was deleted and are harmless to
/// repeat; broken uniqueness throws <see cref="StoreConflictException"/> with a <see cref="ConflictKind"/>; an
/// unreachable database throws <see cref="StoreUnavailableException"/>; no driver exception escapes. Entities
/// are immutable records, so nothing a caller does to a returned value changes what is stored. Expiry is exclusive:
/// something that expires at T is usable strictly before T and expired from T on, in every lookup, count and purge.
/// </remarks>
public interface IAuthsomeStore : IAsyncDisposable
{
    IUserStore Users { get; }
    ISessionStore Sessions { get; }
    IVerificationStore Verifications { get; }
    IPasswordResetStore PasswordResets { get; }
    IAppStore Apps { get; }
    IEnvironmentStore Environments { get; }
    IOrganizationStore Organizations { get; }
    IMemberStore Members { get; }
    IInvitationStore Invitations { get; }
    ITeamStore Teams { get; }
    IDeviceStore Devices { get; }
    IWebhookStore Webhooks { get; }
    INotificationStore Notifications { get; }
    IApiKeyStore ApiKeys { get; }
    IFormConfigStore FormConfigs { get; }
    IBrandingStore Branding { get; }
    IAppConfigStore<AppSessionConfig> AppSessionConfigs { get; }
    IAppConfigStore<AppClientConfig> AppClientConfigs { get; }
    ISettingsStore Settings { get; }
    IServiceAccountStore ServiceAccounts { get; }
    IRoleStore Roles { get; }
    IRoleAssignmentStore RoleAssignments { get; }
    ICounterStore Counters { get; }

    /// <summary>
    /// Applies the backend's core group and the given plugin groups in one orchestrated run (see
    /// <see cref="MigrationOrchestrator"/>). Idempotent, locked against concurrent runs, safe on every start.
    /// Returns the migrations applied by this call.
    /// </summary>
    Task<IReadOnlyList<PlannedMigration>> MigrateAsync(IEnumerable<MigrationGroup> extraGroups, CancellationToken cancellationToken);

    /// <summary>What is applied and pending for the core group and the given plugin groups, without applying anything.</summary>
    Task<MigrationStatus> GetMigrationStatusAsync(IEnumerable<MigrationGroup> extraGroups, CancellationToken cancellationToken);

    /// <summary>One round trip to the database; throws <see cref="StoreUnavailableException"/> when it does not answer.</summary>
    Task PingAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Deletes what can never be used again at <paramref name="now"/>: sessions whose refresh token expired, expired
    /// revoked-refresh-token records, expired or consumed verifications and password resets, counters whose window ended; marks pending invitations
    /// past their expiry as expired (updated at <paramref name="now"/>). Returns how many records it removed or changed.
    /// </summary>
    Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
