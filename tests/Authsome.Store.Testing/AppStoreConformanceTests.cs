using System.Collections.Immutable;

namespace Authsome.Store.Testing;

/// <summary>Conformance of <see cref="IAuthsomeStore.Apps"/>: unique slug and publishable key, one platform app, and the cascade of <see cref="IAppStore.DeleteAsync"/>.</summary>
public abstract class AppStoreConformanceTests : StoreConformanceTests
{
    [Fact]
    public async Task Create_ThenGetByIdSlugAndPublishableKey()
    {
        var app = TestData.NewApp() with
        {
            Logo = "https://cdn.example.com/app.png",
            Metadata = ImmutableDictionary<string, string>.Empty.Add("region", "eu").Add("tier", "gold"),
        };

        await Store.Apps.CreateAsync(app, Ct);

        StoreAssert.Same(app, await Store.Apps.GetAsync(app.Id, Ct));
        StoreAssert.Same(app, await Store.Apps.GetBySlugAsync(app.Slug, Ct));
        StoreAssert.Same(app, await Store.Apps.GetByPublishableKeyAsync(app.PublishableKey, Ct));
    }

    [Fact]
    public async Task Lookups_ReturnNull_WhenAbsent()
    {
        Assert.Null(await Store.Apps.GetAsync(Id<App>.New(), Ct));
        Assert.Null(await Store.Apps.GetBySlugAsync(TestData.Unique("missing-"), Ct));
        Assert.Null(await Store.Apps.GetByPublishableKeyAsync(TestData.Unique("pk_missing_"), Ct));
    }

    [Fact]
    public async Task Create_ThrowsTheRightConflict_ForEachUniqueRule()
    {
        var app = await GivenAppAsync();

        await StoreAssert.ConflictAsync(ConflictKind.Duplicate, () => Store.Apps.CreateAsync(TestData.NewApp() with { Id = app.Id }, Ct));
        await StoreAssert.ConflictAsync(ConflictKind.SlugTaken, () => Store.Apps.CreateAsync(TestData.NewApp() with { Slug = app.Slug }, Ct));
        await StoreAssert.ConflictAsync(ConflictKind.PublishableKeyTaken, () => Store.Apps.CreateAsync(TestData.NewApp() with { PublishableKey = app.PublishableKey }, Ct));
    }

    [Fact]
    public async Task Platform_IsUnique_AndFoundByGetPlatform()
    {
        // One platform app per database: reuse the one a previous test made when the database is shared.
        var platform = await Store.Apps.GetPlatformAsync(Ct);
        if (platform is null)
        {
            platform = TestData.NewApp() with { IsPlatform = true };
            await Store.Apps.CreateAsync(platform, Ct);
        }

        await StoreAssert.ConflictAsync(ConflictKind.Duplicate, () => Store.Apps.CreateAsync(TestData.NewApp() with { IsPlatform = true }, Ct));
        var ordinary = await GivenAppAsync();
        await StoreAssert.ConflictAsync(ConflictKind.Duplicate, () => Store.Apps.UpdateAsync(ordinary with { IsPlatform = true }, Ct));

        StoreAssert.Same(platform, await Store.Apps.GetPlatformAsync(Ct));
    }

    [Fact]
    public async Task Update_ReplacesFields_AndMovesTheLookups()
    {
        var app = await GivenAppAsync();
        var changed = app with
        {
            Name = "Renamed",
            Slug = TestData.Unique("renamed-"),
            PublishableKey = TestData.Unique("pk_renamed_"),
            Metadata = ImmutableDictionary<string, string>.Empty.Add("k", "v"),
            UpdatedAt = TestData.Now.AddHours(1),
        };

        await Store.Apps.UpdateAsync(changed, Ct);

        StoreAssert.Same(changed, await Store.Apps.GetAsync(app.Id, Ct));
        StoreAssert.Same(changed, await Store.Apps.GetBySlugAsync(changed.Slug, Ct));
        StoreAssert.Same(changed, await Store.Apps.GetByPublishableKeyAsync(changed.PublishableKey, Ct));
        Assert.Null(await Store.Apps.GetBySlugAsync(app.Slug, Ct));
        Assert.Null(await Store.Apps.GetByPublishableKeyAsync(app.PublishableKey, Ct));
    }

    [Fact]
    public async Task Update_ThrowsNotFound_OrConflict()
    {
        var taken = await GivenAppAsync();
        var app = await GivenAppAsync();

        await StoreAssert.NotFoundAsync(() => Store.Apps.UpdateAsync(TestData.NewApp(), Ct));
        await StoreAssert.ConflictAsync(ConflictKind.SlugTaken, () => Store.Apps.UpdateAsync(app with { Slug = taken.Slug }, Ct));
        await StoreAssert.ConflictAsync(ConflictKind.PublishableKeyTaken, () => Store.Apps.UpdateAsync(app with { PublishableKey = taken.PublishableKey }, Ct));
        StoreAssert.Same(app, await Store.Apps.GetAsync(app.Id, Ct));
    }

    [Fact]
    public async Task Delete_ReturnsFalse_TheSecondTimeAndForAnUnknownApp()
    {
        var app = await GivenAppAsync();

        Assert.True(await Store.Apps.DeleteAsync(app.Id, Ct));
        Assert.False(await Store.Apps.DeleteAsync(app.Id, Ct));
        Assert.False(await Store.Apps.DeleteAsync(Id<App>.New(), Ct));
        Assert.Null(await Store.Apps.GetAsync(app.Id, Ct));
        Assert.Null(await Store.Apps.GetBySlugAsync(app.Slug, Ct));
    }

    [Fact]
    public async Task Delete_RemovesEverythingThatBelongsToTheApp_AndNothingElse()
    {
        var doomed = await GivenPopulatedAppAsync();
        var kept = await GivenPopulatedAppAsync();

        Assert.True(await Store.Apps.DeleteAsync(doomed.Tenant.App.Id, Ct));

        await AssertGoneAsync(doomed);
        await AssertPresentAsync(kept);

        // Re-creating the app with the same id, slug and key shows nothing was left behind under its id.
        await Store.Apps.CreateAsync(doomed.Tenant.App, Ct);
        await AssertGoneAsync(doomed);
    }

    [Fact]
    public async Task List_PagesInIdOrder_WithoutSkippingOrRepeating()
    {
        // Ids far in the future sort after every app other tests create, so the walk below sees exactly these.
        var start = TestData.Now.AddDays(Random.Shared.Next(1, 3650)).AddMilliseconds(Random.Shared.Next(0, 86_400_000));
        var created = new List<Id<App>>();
        for (var i = 0; i < 7; i++)
        {
            var app = TestData.NewApp() with { Id = Id<App>.New(start.AddMilliseconds(i + 1)) };
            await Store.Apps.CreateAsync(app, Ct);
            created.Add(app.Id);
        }

        var cursor = Id<App>.New(start).ToString();
        var first = await Store.Apps.ListAsync(new PageRequest(cursor, 3), Ct);
        var second = await Store.Apps.ListAsync(new PageRequest(first.NextCursor, 3), Ct);
        var third = await Store.Apps.ListAsync(new PageRequest(second.NextCursor, 3), Ct);

        Assert.Equal([3, 3, 1], new[] { first.Items.Count, second.Items.Count, third.Items.Count });
        Assert.Null(third.NextCursor);
        StoreAssert.Ids(created, first.Items.Concat(second.Items).Concat(third.Items).Select(a => a.Id));
        Assert.All(new[] { first, second, third }, page => Assert.True(page.Total >= 7));
        await Assert.ThrowsAnyAsync<ArgumentException>(async () => await Store.Apps.ListAsync(new PageRequest("aapp_not-an-id", 3), Ct));
    }

    [Fact]
    public async Task HostileStrings_RoundTripExactly_AndMatchOnlyLiterally()
    {
        foreach (var value in HostileStrings.Short)
        {
            var app = TestData.NewApp() with
            {
                Name = HostileStrings.VeryLong,
                Slug = value + TestData.Unique("-"),
                PublishableKey = value + TestData.Unique("-"),
                Metadata = ImmutableDictionary<string, string>.Empty.Add(value, value),
            };
            await Store.Apps.CreateAsync(app, Ct);
            StoreAssert.Same(app, await Store.Apps.GetBySlugAsync(app.Slug, Ct));
            StoreAssert.Same(app, await Store.Apps.GetByPublishableKeyAsync(app.PublishableKey, Ct));
        }

        Assert.Null(await Store.Apps.GetBySlugAsync("%", Ct));
        Assert.Null(await Store.Apps.GetBySlugAsync(".*", Ct));
        Assert.Null(await Store.Apps.GetByPublishableKeyAsync("' OR 1=1 --", Ct));
    }

    /// <summary>Creates an app (without environments).</summary>
    protected async Task<App> GivenAppAsync()
    {
        var app = TestData.NewApp();
        await Store.Apps.CreateAsync(app, Ct);
        return app;
    }

    /// <summary>Creates an app with one of every entity that belongs to it.</summary>
    protected async Task<PopulatedApp> GivenPopulatedAppAsync()
    {
        var tenant = await GivenTenantAsync();
        var staging = TestData.NewEnvironment(tenant.App.Id, isDefault: false);
        await Store.Environments.CreateAsync(staging, Ct);
        var user = await GivenUserAsync(tenant);
        var deletedUser = await GivenUserAsync(tenant);
        await Store.Users.DeleteAsync(deletedUser.Id, TestData.Now, Ct);

        var session = TestData.NewSession(user);
        await Store.Sessions.CreateAsync(session, Ct);
        var rotated = session with { TokenHash = TestData.NewSecretHash(), RefreshTokenHash = TestData.NewSecretHash(), UpdatedAt = TestData.Now.AddMinutes(1) };
        Assert.True(await Store.Sessions.RotateAsync(rotated, session.RefreshTokenHash, Ct));

        var verification = TestData.NewVerification(user);
        await Store.Verifications.CreateAsync(verification, Ct);
        var reset = TestData.NewPasswordReset(user);
        await Store.PasswordResets.CreateAsync(reset, Ct);

        var organization = await GivenOrganizationAsync(tenant, user);
        var member = TestData.NewMember(organization.Id, user.Id, "owner");
        await Store.Members.CreateAsync(member, Ct);
        var invitation = TestData.NewInvitation(organization.Id, user.Id);
        await Store.Invitations.CreateAsync(invitation, Ct);
        var team = TestData.NewTeam(organization.Id);
        await Store.Teams.CreateAsync(team, Ct);
        await Store.Branding.SaveAsync(TestData.NewBranding(organization.Id), Ct);

        var device = TestData.NewDevice(user);
        await Store.Devices.CreateAsync(device, Ct);
        var webhook = TestData.NewWebhook(tenant.App.Id);
        await Store.Webhooks.CreateAsync(webhook, Ct);
        var notification = TestData.NewNotification(tenant.App.Id, user.Id);
        await Store.Notifications.CreateAsync(notification, Ct);
        var serviceAccount = TestData.NewServiceAccount(tenant.App.Id);
        await Store.ServiceAccounts.CreateAsync(serviceAccount, Ct);
        var apiKey = TestData.NewApiKey(tenant.App.Id, user.Id) with { PublicKey = TestData.Unique("pub_"), ServiceAccountId = serviceAccount.Id };
        await Store.ApiKeys.CreateAsync(apiKey, Ct);
        var formConfig = TestData.NewFormConfig(tenant.App.Id);
        await Store.FormConfigs.CreateAsync(formConfig, Ct);
        await Store.AppSessionConfigs.SetAsync(TestData.NewSessionConfig(tenant.App.Id), Ct);
        await Store.AppClientConfigs.SetAsync(TestData.NewClientConfig(tenant.App.Id), Ct);

        var parent = TestData.NewRole(tenant.App.Id);
        await Store.Roles.CreateAsync(parent, Ct);
        var role = TestData.NewRole(tenant.App.Id, parent.Id);
        await Store.Roles.CreateAsync(role, Ct);
        var permission = TestData.NewPermission(role.Id, "read", "documents:*");
        await Store.Roles.AddPermissionAsync(permission, Ct);
        await Store.RoleAssignments.CreateAsync(TestData.NewAssignment(user.Id, role.Id), Ct);
        await Store.RoleAssignments.CreateAsync(TestData.NewAssignment(user.Id, parent.Id, organization.Id), Ct);

        var settingKey = TestData.Unique("setting.");
        await Store.Settings.SetAsync(TestData.NewSetting(settingKey, SettingScope.App, tenant.App.Id.ToString()), Ct);

        return new PopulatedApp(
            tenant, staging, user, deletedUser, rotated, session.RefreshTokenHash, verification, reset, organization, member,
            invitation, team, device, webhook, notification, apiKey, formConfig, serviceAccount, role, permission, settingKey);
    }

    private async Task AssertGoneAsync(PopulatedApp app)
    {
        var appId = app.Tenant.App.Id;
        Assert.Empty(await Store.Environments.ListAsync(appId, Ct));
        Assert.Null(await Store.Environments.GetAsync(app.Staging.Id, Ct));
        Assert.Equal(0, (await Store.Users.ListAsync(new UserQuery { AppId = appId }, Ct)).Total);
        Assert.Null(await Store.Users.GetAsync(app.User.Id, Ct));
        Assert.Equal(0, (await Store.Sessions.ListByAppAsync(appId, PageRequest.First, Ct)).Total);
        Assert.Null(await Store.Sessions.GetByTokenHashAsync(app.Session.TokenHash, Ct));
        Assert.Null(await Store.Sessions.GetRevokedRefreshTokenAsync(app.RevokedRefreshTokenHash, Ct));
        Assert.Null(await Store.Verifications.GetAsync(app.Verification.Id, Ct));
        Assert.Null(await Store.PasswordResets.GetByTokenHashAsync(app.PasswordReset.TokenHash, Ct));
        Assert.Equal(0, (await Store.Organizations.ListAsync(appId, PageRequest.First, Ct)).Total);
        Assert.Null(await Store.Organizations.GetAsync(app.Organization.Id, Ct));
        Assert.Null(await Store.Members.GetAsync(app.Member.Id, Ct));
        Assert.Null(await Store.Invitations.GetByTokenHashAsync(app.Invitation.TokenHash, Ct));
        Assert.Null(await Store.Teams.GetAsync(app.Team.Id, Ct));
        Assert.Null(await Store.Branding.GetAsync(app.Organization.Id, Ct));
        Assert.Equal(0, (await Store.Devices.ListByAppAsync(appId, PageRequest.First, Ct)).Total);
        Assert.Null(await Store.Devices.GetAsync(app.Device.Id, Ct));
        Assert.Empty(await Store.Webhooks.ListAsync(appId, Ct));
        Assert.Null(await Store.Notifications.GetAsync(app.Notification.Id, Ct));
        Assert.Empty(await Store.ApiKeys.ListByAppAsync(appId, Ct));
        Assert.Null(await Store.ApiKeys.GetByKeyHashAsync(app.ApiKey.KeyHash, Ct));
        Assert.Null(await Store.ApiKeys.GetByPublicKeyAsync(app.ApiKey.PublicKey!, Ct));
        Assert.Empty(await Store.FormConfigs.ListAsync(appId, Ct));
        Assert.Null(await Store.AppSessionConfigs.GetAsync(appId, Ct));
        Assert.Null(await Store.AppClientConfigs.GetAsync(appId, Ct));
        Assert.Equal(0, (await Store.ServiceAccounts.ListAsync(appId, PageRequest.First, Ct)).Total);
        Assert.Empty(await Store.Roles.ListAsync(appId, Ct));
        Assert.Empty(await Store.Roles.ListPermissionsAsync(app.Role.Id, Ct));
        Assert.Empty(await Store.RoleAssignments.ListByUserAsync(app.User.Id, Ct));
        Assert.Null(await Store.Settings.GetAsync(app.SettingKey, SettingScope.App, appId.ToString(), Ct));
    }

    private async Task AssertPresentAsync(PopulatedApp app)
    {
        var appId = app.Tenant.App.Id;
        Assert.NotNull(await Store.Apps.GetAsync(appId, Ct));
        Assert.Equal(2, (await Store.Environments.ListAsync(appId, Ct)).Count);
        StoreAssert.Same(app.User, await Store.Users.GetAsync(app.User.Id, Ct));
        StoreAssert.Same(app.Session, await Store.Sessions.GetByTokenHashAsync(app.Session.TokenHash, Ct));
        Assert.NotNull(await Store.Sessions.GetRevokedRefreshTokenAsync(app.RevokedRefreshTokenHash, Ct));
        StoreAssert.Same(app.Verification, await Store.Verifications.GetAsync(app.Verification.Id, Ct));
        StoreAssert.Same(app.PasswordReset, await Store.PasswordResets.GetByTokenHashAsync(app.PasswordReset.TokenHash, Ct));
        StoreAssert.Same(app.Organization, await Store.Organizations.GetAsync(app.Organization.Id, Ct));
        StoreAssert.Same(app.Member, await Store.Members.GetAsync(app.Member.Id, Ct));
        StoreAssert.Same(app.Invitation, await Store.Invitations.GetByTokenHashAsync(app.Invitation.TokenHash, Ct));
        StoreAssert.Same(app.Team, await Store.Teams.GetAsync(app.Team.Id, Ct));
        Assert.NotNull(await Store.Branding.GetAsync(app.Organization.Id, Ct));
        StoreAssert.Same(app.Device, await Store.Devices.GetAsync(app.Device.Id, Ct));
        StoreAssert.Same(app.Webhook, Assert.Single(await Store.Webhooks.ListAsync(appId, Ct)));
        StoreAssert.Same(app.Notification, await Store.Notifications.GetAsync(app.Notification.Id, Ct));
        StoreAssert.Same(app.ApiKey, await Store.ApiKeys.GetByKeyHashAsync(app.ApiKey.KeyHash, Ct));
        StoreAssert.Same(app.FormConfig, Assert.Single(await Store.FormConfigs.ListAsync(appId, Ct)));
        Assert.NotNull(await Store.AppSessionConfigs.GetAsync(appId, Ct));
        Assert.NotNull(await Store.AppClientConfigs.GetAsync(appId, Ct));
        StoreAssert.Same(app.ServiceAccount, await Store.ServiceAccounts.GetAsync(app.ServiceAccount.Id, Ct));
        Assert.Equal(2, (await Store.Roles.ListAsync(appId, Ct)).Count);
        StoreAssert.Same(app.Permission, Assert.Single(await Store.Roles.ListPermissionsAsync(app.Role.Id, Ct)));
        Assert.Equal(2, (await Store.RoleAssignments.ListByUserAsync(app.User.Id, Ct)).Count);
        Assert.NotNull(await Store.Settings.GetAsync(app.SettingKey, SettingScope.App, appId.ToString(), Ct));
    }

    /// <summary>An app with one of every dependent entity, as <see cref="GivenPopulatedAppAsync"/> made it.</summary>
    protected sealed record PopulatedApp(
        TestTenant Tenant,
        AppEnvironment Staging,
        User User,
        User DeletedUser,
        Session Session,
        SecretHash RevokedRefreshTokenHash,
        Verification Verification,
        PasswordReset PasswordReset,
        Organization Organization,
        Member Member,
        Invitation Invitation,
        Team Team,
        Device Device,
        Webhook Webhook,
        Notification Notification,
        ApiKey ApiKey,
        FormConfig FormConfig,
        ServiceAccount ServiceAccount,
        Role Role,
        Permission Permission,
        string SettingKey);
}
