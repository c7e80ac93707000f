using Authsome.Store.Migrations;

namespace Authsome.Store.Testing;

/// <summary>
/// Conformance of the store's lifecycle: <see cref="IAuthsomeStore.PingAsync"/>, idempotent migration with plugin
/// groups, migration status, and <see cref="IAuthsomeStore.PurgeExpiredAsync"/>.
/// </summary>
/// <remarks>
/// The purge tests count what was purged, and a purge removes every consumed verification and reset in the
/// database: run this class against a database no other test class writes to while it runs.
/// </remarks>
public abstract class LifecycleConformanceTests : StoreConformanceTests
{
    /// <summary>
    /// Scripts that change nothing, one per dialect the backend may run, for the plugin groups these tests migrate.
    /// The default covers PostgreSQL and SQLite; a backend of another dialect overrides it with its own no-op.
    /// </summary>
    protected virtual IEnumerable<MigrationScript> NoOpScripts =>
    [
        SqlMigrationScript.Postgres("SELECT 1"),
        SqlMigrationScript.Sqlite("SELECT 1"),
    ];

    [Fact]
    public async Task Ping_Succeeds()
    {
        await Store.PingAsync(Ct);
    }

    [Fact]
    public async Task Migrate_WithNoExtraGroups_AppliesNothingTheSecondTime()
    {
        Assert.Empty(await Store.MigrateAsync([], Ct));
        Assert.Empty(await Store.MigrateAsync([], Ct));

        var status = await Store.GetMigrationStatusAsync([], Ct);
        Assert.True(status.IsUpToDate);
        Assert.Empty(status.Pending);
    }

    [Fact]
    public async Task Migrate_AppliesAPluginGroupOnce_AndStatusFollows()
    {
        var plugin = NewPluginGroup();

        var before = await Store.GetMigrationStatusAsync([plugin], Ct);
        Assert.False(before.IsUpToDate);
        Assert.Equal(plugin.Migrations.Select(m => m.Version), before.Pending.Where(p => p.Group == plugin.Name).Select(p => p.Version));

        var applied = await Store.MigrateAsync([plugin], Ct);
        Assert.Equal(plugin.Migrations.Select(m => (plugin.Name, m.Version, m.Name)), applied.Select(a => (a.Group, a.Version, a.Name)));
        Assert.All(applied, a => Assert.True(a.IsApplied));

        Assert.Empty(await Store.MigrateAsync([plugin], Ct));
        var after = await Store.GetMigrationStatusAsync([plugin], Ct);
        Assert.True(after.IsUpToDate);
        Assert.All(after.Planned.Where(p => p.Group == plugin.Name), p => Assert.NotNull(p.AppliedAt));
    }

    [Fact]
    public async Task Status_ReportsAppliedMigrationsOfGroupsNotGiven_AsUnknown()
    {
        var plugin = NewPluginGroup();
        await Store.MigrateAsync([plugin], Ct);

        var status = await Store.GetMigrationStatusAsync([], Ct);

        Assert.Equal(plugin.Migrations.Select(m => m.Version), status.Unknown.Where(u => u.Group == plugin.Name).Select(u => u.Version).Order());
        Assert.True(status.IsUpToDate);
    }

    [Fact]
    public async Task Migrate_RefusesAnInvalidPlan_BeforeApplyingAnything()
    {
        var plugin = NewPluginGroup();
        var orphan = new MigrationGroup(TestData.Unique("authsome-orphan-"), ["authsome-missing"], [new Migration(20400101000000, "orphan", NoOpScripts)]);

        await Assert.ThrowsAsync<MigrationException>(() => Store.MigrateAsync([plugin, orphan], Ct));
        await Assert.ThrowsAsync<MigrationException>(() => Store.MigrateAsync([plugin, plugin], Ct));
        await Assert.ThrowsAsync<MigrationException>(() => Store.MigrateAsync([new MigrationGroup(MigrationGroup.CoreName, [], [])], Ct));

        Assert.False((await Store.GetMigrationStatusAsync([plugin], Ct)).IsUpToDate);
    }

    [Fact]
    public async Task PurgeExpired_RemovesWhatCanNeverBeUsedAgain_AndKeepsTheRest()
    {
        var now = TestData.PurgeEra;
        var later = new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var tenant = await GivenTenantAsync();
        var user = await GivenUserAsync(tenant);
        var organization = await GivenOrganizationAsync(tenant, user);

        var expiredSession = await GivenSessionAsync(user, now.AddMilliseconds(-1));
        var sessionExpiringNow = await GivenSessionAsync(user, now);
        var liveSession = await GivenSessionAsync(user, later);
        var rotatedEarly = await GivenSessionAsync(user, now.AddDays(-1));
        Assert.True(await Store.Sessions.RotateAsync(Rotated(rotatedEarly, later), rotatedEarly.RefreshTokenHash, Ct));
        Assert.True(await Store.Sessions.RotateAsync(Rotated(liveSession, later), liveSession.RefreshTokenHash, Ct));

        var expiredVerification = await GivenVerificationAsync(user, now, consumed: false);
        var consumedVerification = await GivenVerificationAsync(user, later, consumed: true);
        var liveVerification = await GivenVerificationAsync(user, later, consumed: false);
        var expiredReset = await GivenPasswordResetAsync(user, now.AddMilliseconds(-1), consumed: false);
        var consumedReset = await GivenPasswordResetAsync(user, later, consumed: true);
        var liveReset = await GivenPasswordResetAsync(user, later, consumed: false);

        var expiredInvitation = await GivenInvitationAsync(organization, user, now, InvitationStatus.Pending);
        var acceptedInvitation = await GivenInvitationAsync(organization, user, now.AddDays(-1), InvitationStatus.Accepted);
        var liveInvitation = await GivenInvitationAsync(organization, user, later, InvitationStatus.Pending);

        // 2 sessions + 1 revoked refresh token + 2 verifications + 2 resets + 1 invitation marked expired.
        Assert.Equal(8, await Store.PurgeExpiredAsync(now, Ct));
        Assert.Equal(0, await Store.PurgeExpiredAsync(now, Ct));

        Assert.Null(await Store.Sessions.GetAsync(expiredSession.Id, Ct));
        Assert.Null(await Store.Sessions.GetAsync(sessionExpiringNow.Id, Ct));
        Assert.NotNull(await Store.Sessions.GetAsync(liveSession.Id, Ct));
        Assert.NotNull(await Store.Sessions.GetAsync(rotatedEarly.Id, Ct));
        Assert.Null(await Store.Sessions.GetRevokedRefreshTokenAsync(rotatedEarly.RefreshTokenHash, Ct));
        Assert.NotNull(await Store.Sessions.GetRevokedRefreshTokenAsync(liveSession.RefreshTokenHash, Ct));

        Assert.Null(await Store.Verifications.GetAsync(expiredVerification.Id, Ct));
        Assert.Null(await Store.Verifications.GetAsync(consumedVerification.Id, Ct));
        StoreAssert.Same(liveVerification, await Store.Verifications.GetAsync(liveVerification.Id, Ct));
        Assert.Null(await Store.PasswordResets.GetByTokenHashAsync(expiredReset.TokenHash, Ct));
        Assert.Null(await Store.PasswordResets.GetByTokenHashAsync(consumedReset.TokenHash, Ct));
        StoreAssert.Same(liveReset, await Store.PasswordResets.GetByTokenHashAsync(liveReset.TokenHash, Ct));

        StoreAssert.Same(expiredInvitation with { Status = InvitationStatus.Expired, UpdatedAt = now }, await Store.Invitations.GetAsync(expiredInvitation.Id, Ct));
        StoreAssert.Same(acceptedInvitation, await Store.Invitations.GetAsync(acceptedInvitation.Id, Ct));
        StoreAssert.Same(liveInvitation, await Store.Invitations.GetAsync(liveInvitation.Id, Ct));
    }

    /// <summary>A plugin group with a fresh name and two no-op migrations, depending on the core group.</summary>
    protected MigrationGroup NewPluginGroup() => new(
        TestData.Unique("authsome-conformance-"),
        [MigrationGroup.CoreName],
        [new Migration(20400101000002, "second", NoOpScripts), new Migration(20400101000001, "first", NoOpScripts)]);

    private async Task<Session> GivenSessionAsync(User user, DateTimeOffset refreshExpiresAt)
    {
        var session = TestData.NewSession(user) with { ExpiresAt = refreshExpiresAt, RefreshTokenExpiresAt = refreshExpiresAt };
        await Store.Sessions.CreateAsync(session, Ct);
        return session;
    }

    private static Session Rotated(Session session, DateTimeOffset refreshExpiresAt) => session with
    {
        TokenHash = TestData.NewSecretHash(),
        RefreshTokenHash = TestData.NewSecretHash(),
        ExpiresAt = refreshExpiresAt,
        RefreshTokenExpiresAt = refreshExpiresAt,
    };

    private async Task<Verification> GivenVerificationAsync(User user, DateTimeOffset expiresAt, bool consumed)
    {
        var verification = TestData.NewVerification(user) with { ExpiresAt = expiresAt, ConsumedAt = consumed ? TestData.Now : null };
        await Store.Verifications.CreateAsync(verification, Ct);
        return verification;
    }

    private async Task<PasswordReset> GivenPasswordResetAsync(User user, DateTimeOffset expiresAt, bool consumed)
    {
        var reset = TestData.NewPasswordReset(user) with { ExpiresAt = expiresAt, ConsumedAt = consumed ? TestData.Now : null };
        await Store.PasswordResets.CreateAsync(reset, Ct);
        return reset;
    }

    private async Task<Invitation> GivenInvitationAsync(Organization organization, User inviter, DateTimeOffset expiresAt, InvitationStatus status)
    {
        var invitation = TestData.NewInvitation(organization.Id, inviter.Id) with { ExpiresAt = expiresAt, Status = status };
        await Store.Invitations.CreateAsync(invitation, Ct);
        return invitation;
    }
}
