using Authsome.Store.Migrations;

namespace Authsome.Store.Memory;

/// <summary>
/// Everything a <see cref="MemoryStore"/> holds, behind one lock. One lock rather than one per table, because
/// cascades (deleting an app), compare-and-swap rotation and the default-environment swap must be atomic
/// across tables; every operation is a few dictionary accesses, so readers are not held up for long.
/// </summary>
internal sealed class MemoryState
{
    private readonly Lock gate = new();

    // A unit of work holds the turn from start to end; callers outside it wait for the turn (see Run).
    private readonly SemaphoreSlim unitTurn = new(1, 1);
    private readonly AsyncLocal<MemoryUnit?> currentUnit = new();
    private MemoryUnit? activeUnit;

    public MemoryState()
    {
        UsersByEmail = new(ConflictKind.EmailTaken, u => u.DeletedAt is null ? (u.AppId, u.EnvId, u.Email) : null);
        UsersByUsername = new(ConflictKind.UsernameTaken, u => u.DeletedAt is null && u.Username is { } name ? (u.AppId, u.EnvId, name) : null);
        UsersByPhone = new(ConflictKind.PhoneTaken, u => u.DeletedAt is null && u.Phone is { } phone ? (u.AppId, u.EnvId, phone) : null);
        Users = new(Journal, "user", u => u.Id, UsersByEmail, UsersByUsername, UsersByPhone);

        SessionsByToken = new(ConflictKind.Duplicate, s => s.TokenHash);
        SessionsByRefreshToken = new(ConflictKind.Duplicate, s => s.RefreshTokenHash);
        Sessions = new(Journal, "session", s => s.Id, SessionsByToken, SessionsByRefreshToken);

        VerificationsByToken = new(ConflictKind.Duplicate, v => v.TokenHash);
        Verifications = new(Journal, "verification", v => v.Id, VerificationsByToken);
        PasswordResetsByToken = new(ConflictKind.Duplicate, r => r.TokenHash);
        PasswordResets = new(Journal, "password reset", r => r.Id, PasswordResetsByToken);

        AppsBySlug = new(ConflictKind.SlugTaken, a => a.Slug);
        AppsByPublishableKey = new(ConflictKind.PublishableKeyTaken, a => a.PublishableKey);
        PlatformApp = new(ConflictKind.Duplicate, a => a.IsPlatform ? true : null);
        Apps = new(Journal, "app", a => a.Id, AppsBySlug, AppsByPublishableKey, PlatformApp);

        EnvironmentsBySlug = new(ConflictKind.SlugTaken, e => (e.AppId, e.Slug));
        DefaultEnvironments = new(ConflictKind.DefaultEnvironment, e => e.IsDefault ? e.AppId : null);
        Environments = new(Journal, "environment", e => e.Id, EnvironmentsBySlug, DefaultEnvironments);

        OrganizationsBySlug = new(ConflictKind.SlugTaken, o => (o.AppId, o.Slug));
        Organizations = new(Journal, "organization", o => o.Id, OrganizationsBySlug);
        MembersByUser = new(ConflictKind.Duplicate, m => (m.OrgId, m.UserId));
        Members = new(Journal, "member", m => m.Id, MembersByUser);
        InvitationsByToken = new(ConflictKind.Duplicate, i => i.TokenHash);
        Invitations = new(Journal, "invitation", i => i.Id, InvitationsByToken);
        Teams = new(Journal, "team", t => t.Id, new MemoryIndex<Team>(ConflictKind.SlugTaken, t => (t.OrgId, t.Slug)));

        DevicesByFingerprint = new(ConflictKind.Duplicate, d => (d.UserId, d.Fingerprint));
        Devices = new(Journal, "device", d => d.Id, DevicesByFingerprint);
        Webhooks = new(Journal, "webhook", w => w.Id);
        WebhookDeliveries = new(Journal, "webhook delivery", d => d.Id);
        Notifications = new(Journal, "notification", n => n.Id);

        ApiKeysByPrefix = new(ConflictKind.KeyPrefixTaken, k => (k.AppId, k.KeyPrefix));
        ApiKeysByHash = new(ConflictKind.Duplicate, k => k.KeyHash);
        ApiKeysByPublicKey = new(ConflictKind.Duplicate, k => k.PublicKey);
        ApiKeys = new(Journal, "API key", k => k.Id, ApiKeysByPrefix, ApiKeysByHash, ApiKeysByPublicKey);

        FormConfigsByType = new(ConflictKind.Duplicate, f => (f.AppId, f.FormType));
        FormConfigs = new(Journal, "form config", f => f.Id, FormConfigsByType);
        BrandingByOrganization = new(ConflictKind.Duplicate, b => b.OrgId);
        Branding = new(Journal, "branding", b => b.Id, BrandingByOrganization);
        SessionConfigsByApp = new(ConflictKind.Duplicate, c => c.AppId);
        SessionConfigs = new(Journal, "app session config", c => c.Id, SessionConfigsByApp);
        ClientConfigsByApp = new(ConflictKind.Duplicate, c => c.AppId);
        ClientConfigs = new(Journal, "app client config", c => c.Id, ClientConfigsByApp);
        SettingsByKey = new(ConflictKind.Duplicate, s => (s.Key, s.Scope, s.ScopeId));
        Settings = new(Journal, "setting", s => s.Id, SettingsByKey);
        ServiceAccounts = new(Journal, "service account", s => s.Id);

        RolesBySlug = new(ConflictKind.SlugTaken, r => (r.AppId, r.OrgId, r.Slug));
        Roles = new(Journal, "role", r => r.Id, RolesBySlug);
        Permissions = new(Journal, "permission", p => p.Id, new MemoryIndex<Permission>(ConflictKind.Duplicate, p => (p.RoleId, p.Action, p.Resource)));
        Assignments = new(Journal, "role assignment", a => a.Id, new MemoryIndex<RoleAssignment>(ConflictKind.Duplicate, a => (a.UserId, a.RoleId, a.OrgId)));
    }

    public MemoryTable<User> Users { get; }
    public MemoryIndex<User> UsersByEmail { get; }
    public MemoryIndex<User> UsersByUsername { get; }
    public MemoryIndex<User> UsersByPhone { get; }

    public MemoryTable<Session> Sessions { get; }
    public MemoryIndex<Session> SessionsByToken { get; }
    public MemoryIndex<Session> SessionsByRefreshToken { get; }

    /// <summary>Rotated-out refresh tokens by hash.</summary>
    public Dictionary<SecretHash, RevokedRefreshToken> RevokedRefreshTokens { get; } = [];

    public Dictionary<string, CounterState> Counters { get; } = new(StringComparer.Ordinal);

    public MemoryTable<Verification> Verifications { get; }
    public MemoryIndex<Verification> VerificationsByToken { get; }
    public MemoryTable<PasswordReset> PasswordResets { get; }
    public MemoryIndex<PasswordReset> PasswordResetsByToken { get; }

    public MemoryTable<App> Apps { get; }
    public MemoryIndex<App> AppsBySlug { get; }
    public MemoryIndex<App> AppsByPublishableKey { get; }
    public MemoryIndex<App> PlatformApp { get; }

    public MemoryTable<AppEnvironment> Environments { get; }
    public MemoryIndex<AppEnvironment> EnvironmentsBySlug { get; }
    public MemoryIndex<AppEnvironment> DefaultEnvironments { get; }

    public MemoryTable<Organization> Organizations { get; }
    public MemoryIndex<Organization> OrganizationsBySlug { get; }
    public MemoryTable<Member> Members { get; }
    public MemoryIndex<Member> MembersByUser { get; }
    public MemoryTable<Invitation> Invitations { get; }
    public MemoryIndex<Invitation> InvitationsByToken { get; }
    public MemoryTable<Team> Teams { get; }

    public MemoryTable<Device> Devices { get; }
    public MemoryIndex<Device> DevicesByFingerprint { get; }
    public MemoryTable<Webhook> Webhooks { get; }
    public MemoryTable<WebhookDelivery> WebhookDeliveries { get; }
    public MemoryTable<Notification> Notifications { get; }

    public MemoryTable<ApiKey> ApiKeys { get; }
    public MemoryIndex<ApiKey> ApiKeysByPrefix { get; }
    public MemoryIndex<ApiKey> ApiKeysByHash { get; }
    public MemoryIndex<ApiKey> ApiKeysByPublicKey { get; }

    public MemoryTable<FormConfig> FormConfigs { get; }
    public MemoryIndex<FormConfig> FormConfigsByType { get; }
    public MemoryTable<BrandingConfig> Branding { get; }
    public MemoryIndex<BrandingConfig> BrandingByOrganization { get; }
    public MemoryTable<AppSessionConfig> SessionConfigs { get; }
    public MemoryIndex<AppSessionConfig> SessionConfigsByApp { get; }
    public MemoryTable<AppClientConfig> ClientConfigs { get; }
    public MemoryIndex<AppClientConfig> ClientConfigsByApp { get; }
    public MemoryTable<Setting> Settings { get; }
    public MemoryIndex<Setting> SettingsByKey { get; }
    public MemoryTable<ServiceAccount> ServiceAccounts { get; }

    /// <summary>Roles held by service accounts, with when each was given.</summary>
    public Dictionary<(Id<ServiceAccount> Account, Id<Role> Role), DateTimeOffset> ServiceAccountRoles { get; } = [];

    public MemoryTable<Role> Roles { get; }
    public MemoryIndex<Role> RolesBySlug { get; }
    public MemoryTable<Permission> Permissions { get; }
    public MemoryTable<RoleAssignment> Assignments { get; }

    /// <summary>Plugins' deletes of their rows owned by users an app deletion removes (see <see cref="MemoryPluginContext.DeleteWithUsers"/>).</summary>
    public List<Action<IReadOnlySet<Id<User>>>> UserCascades { get; } = [];

    /// <summary>Plugins' deletes of their rows that belong to teams, called under the lock with the ids of the teams an organization deletion removes.</summary>
    public List<Action<IReadOnlySet<Id<Team>>>> TeamCascades { get; } = [];

    /// <summary>The undo log of the unit of work in progress.</summary>
    public MemoryJournal Journal { get; } = new();

    /// <summary>Applied migrations by (group, version).</summary>
    public Dictionary<(string Group, long Version), AppliedMigration> AppliedMigrations { get; } = [];

    /// <summary>
    /// Runs a read or write under the lock, reporting failure through the returned task like an async method would.
    /// While a unit of work runs, only its own flow runs at once; everyone else waits for the unit to end.
    /// </summary>
    public ValueTask<T> Run<T>(Func<T> operation, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled<T>(cancellationToken);
        }

        var mine = currentUnit.Value is { IsOpen: true } unit ? unit : null;
        try
        {
            lock (gate)
            {
                if (activeUnit is null || activeUnit == mine)
                {
                    return ValueTask.FromResult(operation());
                }
            }
        }
        catch (Exception ex)
        {
            mine?.Doom(ex);
            return ValueTask.FromException<T>(ex);
        }

        return RunAfterUnitAsync(operation, cancellationToken);
    }

    /// <summary>Runs a write under the lock.</summary>
    public ValueTask Run(Action operation, CancellationToken cancellationToken)
    {
        var run = Run(
            () =>
            {
                operation();
                return true;
            },
            cancellationToken);
        return run.IsCompletedSuccessfully ? ValueTask.CompletedTask : new ValueTask(run.AsTask());
    }

    /// <summary>
    /// Runs <paramref name="work"/> as one unit of work: its changes stay only when it returns and nothing inside
    /// failed; otherwise the journal undoes them. Other callers wait until it ends; a unit inside a unit joins it.
    /// </summary>
    public async Task<T> InTransactionAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        if (currentUnit.Value is { IsOpen: true } outer)
        {
            try
            {
                return await work(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                outer.Doom(ex);
                throw;
            }
        }

        await unitTurn.WaitAsync(cancellationToken).ConfigureAwait(false);
        var unit = new MemoryUnit();
        var committed = false;
        try
        {
            lock (gate)
            {
                activeUnit = unit;
                Journal.Begin();
            }

            currentUnit.Value = unit;
            var result = await work(cancellationToken).ConfigureAwait(false);
            if (unit.Failure is { } failure)
            {
                throw StoreTransactions.Doomed(failure);
            }

            committed = true;
            return result;
        }
        finally
        {
            unit.Close();
            currentUnit.Value = null;
            lock (gate)
            {
                if (committed)
                {
                    Journal.Commit();
                }
                else
                {
                    Journal.Rollback();
                }

                activeUnit = null;
            }

            unitTurn.Release();
        }
    }

    private async ValueTask<T> RunAfterUnitAsync<T>(Func<T> operation, CancellationToken cancellationToken)
    {
        await unitTurn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            lock (gate)
            {
                return operation();
            }
        }
        finally
        {
            unitTurn.Release();
        }
    }

    /// <summary>Deletes an app and everything that belongs to it (see <see cref="IAppStore.DeleteAsync"/>). Call under the lock.</summary>
    public bool RemoveApp(Id<App> appId)
    {
        if (!Apps.Remove(appId))
        {
            return false;
        }

        var users = Users.RemoveWhere(u => u.AppId == appId).Select(u => u.Id).ToHashSet();
        foreach (var revoked in RevokedRefreshTokens.Values.Where(r => users.Contains(r.UserId)).ToList())
        {
            Journal.Remove(RevokedRefreshTokens, revoked.TokenHash);
        }

        foreach (var cascade in UserCascades)
        {
            cascade(users);
        }

        Environments.RemoveWhere(e => e.AppId == appId);
        Sessions.RemoveWhere(s => s.AppId == appId);
        Verifications.RemoveWhere(v => v.AppId == appId);
        PasswordResets.RemoveWhere(r => r.AppId == appId);
        foreach (var organization in Organizations.RemoveWhere(o => o.AppId == appId))
        {
            RemoveOrganizationDependents(organization.Id);
        }

        Devices.RemoveWhere(d => d.AppId == appId);
        Webhooks.RemoveWhere(w => w.AppId == appId);
        WebhookDeliveries.RemoveWhere(d => d.AppId == appId);
        Notifications.RemoveWhere(n => n.AppId == appId);
        ApiKeys.RemoveWhere(k => k.AppId == appId);
        FormConfigs.RemoveWhere(f => f.AppId == appId);
        SessionConfigs.RemoveWhere(c => c.AppId == appId);
        ClientConfigs.RemoveWhere(c => c.AppId == appId);
        foreach (var account in ServiceAccounts.RemoveWhere(s => s.AppId == appId))
        {
            RemoveServiceAccountRoles(k => k.Account == account.Id);
        }

        foreach (var role in Roles.RemoveWhere(r => r.AppId == appId))
        {
            RemoveRoleDependents(role.Id);
        }

        var scopeId = appId.ToString();
        Settings.RemoveWhere(s => s.Scope == SettingScope.App && s.ScopeId == scopeId);
        return true;
    }

    /// <summary>Deletes an organization with its members, invitations, teams (and plugin rows of them), branding, custom roles, role assignments and settings. Call under the lock.</summary>
    public bool RemoveOrganization(Id<Organization> orgId)
    {
        if (!Organizations.Remove(orgId))
        {
            return false;
        }

        RemoveOrganizationDependents(orgId);
        return true;
    }

    /// <summary>Deletes a role with its permissions and assignments; its children lose their parent. Call under the lock.</summary>
    public bool RemoveRole(Id<Role> roleId)
    {
        if (!Roles.Remove(roleId))
        {
            return false;
        }

        RemoveRoleDependents(roleId);
        foreach (var child in Roles.Rows.Where(r => r.ParentId == roleId).ToList())
        {
            Roles.Replace(child with { ParentId = null });
        }

        return true;
    }

    private void RemoveOrganizationDependents(Id<Organization> orgId)
    {
        Members.RemoveWhere(m => m.OrgId == orgId);
        Invitations.RemoveWhere(i => i.OrgId == orgId);
        var teams = Teams.RemoveWhere(t => t.OrgId == orgId).Select(t => t.Id).ToHashSet();
        foreach (var cascade in TeamCascades)
        {
            cascade(teams);
        }

        Branding.RemoveWhere(b => b.OrgId == orgId);
        Assignments.RemoveWhere(a => a.OrgId == orgId);
        foreach (var role in Roles.RemoveWhere(r => r.OrgId == orgId))
        {
            RemoveRoleDependents(role.Id);
        }

        var scopeId = orgId.ToString();
        Settings.RemoveWhere(s => s.Scope == SettingScope.Organization && s.ScopeId == scopeId);
    }

    /// <summary>Removes the service-account role assignments <paramref name="matches"/> selects. Call under the lock.</summary>
    public void RemoveServiceAccountRoles(Func<(Id<ServiceAccount> Account, Id<Role> Role), bool> matches)
    {
        foreach (var key in ServiceAccountRoles.Keys.Where(matches).ToList())
        {
            Journal.Remove(ServiceAccountRoles, key);
        }
    }

    private void RemoveRoleDependents(Id<Role> roleId)
    {
        RemoveServiceAccountRoles(k => k.Role == roleId);
        Permissions.RemoveWhere(p => p.RoleId == roleId);
        Assignments.RemoveWhere(a => a.RoleId == roleId);
    }

    private sealed class MemoryUnit
    {
        private volatile bool _open = true;

        public bool IsOpen => _open;

        public Exception? Failure { get; private set; }

        public void Doom(Exception failure) => Failure ??= failure;

        public void Close() => _open = false;
    }
}
