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
    /// Runs <paramref name="work"/> as one unit of work: everything it changes through this store commits together when
    /// it returns, or nothing does when it throws (its exception is rethrown). On the shipped stores the unit is ambient
    /// to the work's async flow: every sub-store call made on this store inside it (plugin sub-stores this store built
    /// included, and calls made through the store the work is given, which is this store) enlists, so a hook that writes
    /// an outbox row through the store it was built with writes it in the change's transaction.
    /// </summary>
    /// <remarks>
    /// <para>
    /// What enlisting means per backend: PostgreSQL, one connection and one READ COMMITTED transaction; SQLite, one
    /// connection holding the process's write turn and a <c>BEGIN IMMEDIATE</c> transaction (other writers wait for the
    /// unit, readers see the last commit); MongoDB, one client session with a multi-document transaction (a replica set
    /// or sharded cluster; on a standalone server the unit runs in a plain session and is not atomic); in memory, the
    /// store's lock and an undo journal, with other callers waiting until the unit ends (serializable).
    /// </para>
    /// <para>
    /// Rules: a unit started inside a unit joins it (one commit, by the outermost). A store call that fails inside a unit
    /// dooms it: even if the work catches the error and returns, nothing commits and <see cref="StoreException"/> is
    /// thrown (the database may already have aborted the transaction). Await each call in turn: calls of one unit do not
    /// run concurrently. Keep units short and free of slow I/O (a mail server, an HTTP call): they hold locks (on SQLite,
    /// every writer of the process). On MongoDB the whole work runs again when the server reports a transient
    /// transaction error (a write conflict with a concurrent unit), so it must be safe to repeat. Work the unit starts
    /// but does not await (a fire-and-forget task) must not use the store after the unit ends: such calls then run on
    /// their own, outside any transaction.
    /// </para>
    /// </remarks>
    Task<T> InTransactionAsync<T>(Func<IAuthsomeStore, CancellationToken, Task<T>> work, CancellationToken cancellationToken);

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
