using Authsome.Store.Testing;

namespace Authsome.Store.Tests.Relational;

/// <summary>
/// What the relational backends enforce beyond the conformance suite: foreign keys (a missing parent is
/// <see cref="ConflictKind.MissingReference"/>), cascades to everything an app owns, and errors that never carry a
/// driver exception or a constraint name.
/// </summary>
public abstract class RelationalIntegrityTests : StoreConformanceTests
{
    [Fact]
    public async Task Create_ThrowsMissingReference_WhenTheParentDoesNotExist()
    {
        var tenant = await GivenTenantAsync();
        var user = await GivenUserAsync(tenant);
        var organization = await GivenOrganizationAsync(tenant, user);
        var ghostUser = TestData.NewUser(tenant.App.Id, tenant.Environment.Id);

        await StoreAssert.ConflictAsync(ConflictKind.MissingReference, () => Store.Users.CreateAsync(TestData.NewUser(Id<App>.New(), tenant.Environment.Id), Ct));
        await StoreAssert.ConflictAsync(ConflictKind.MissingReference, () => Store.Environments.CreateAsync(TestData.NewEnvironment(Id<App>.New()), Ct));
        await StoreAssert.ConflictAsync(ConflictKind.MissingReference, () => Store.Sessions.CreateAsync(TestData.NewSession(ghostUser), Ct));
        await StoreAssert.ConflictAsync(ConflictKind.MissingReference, () => Store.Members.CreateAsync(TestData.NewMember(Id<Organization>.New(), user.Id), Ct));
        await StoreAssert.ConflictAsync(ConflictKind.MissingReference, () => Store.Members.CreateAsync(TestData.NewMember(organization.Id, ghostUser.Id), Ct));
        await StoreAssert.ConflictAsync(ConflictKind.MissingReference, () => Store.Roles.AddPermissionAsync(TestData.NewPermission(Id<Role>.New(), "read", "*"), Ct));
        await StoreAssert.ConflictAsync(ConflictKind.MissingReference, async () => await Store.Branding.SaveAsync(TestData.NewBranding(Id<Organization>.New()), Ct));
    }

    [Fact]
    public async Task Conflicts_CarryNeitherTheDriverExceptionNorAConstraintName()
    {
        var tenant = await GivenTenantAsync();
        var user = await GivenUserAsync(tenant);

        var taken = await StoreAssert.ConflictAsync(ConflictKind.EmailTaken, () => Store.Users.CreateAsync(TestData.NewUser(tenant.App.Id, tenant.Environment.Id, user.Email), Ct));
        var missing = await StoreAssert.ConflictAsync(ConflictKind.MissingReference, () => Store.Users.CreateAsync(TestData.NewUser(Id<App>.New(), tenant.Environment.Id), Ct));

        foreach (var error in new[] { taken, missing })
        {
            Assert.Null(error.InnerException);
            Assert.DoesNotContain("authsome_", error.Message, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("constraint", error.Message, StringComparison.OrdinalIgnoreCase);
            Assert.Equal("user", error.Entity);
        }
    }

    [Fact]
    public async Task DeletingAnApp_RemovesTheSettingsOfItsOrganizationsAndUsers_ButNoOtherAppsSettings()
    {
        var tenant = await GivenTenantAsync();
        var user = await GivenUserAsync(tenant);
        var organization = await GivenOrganizationAsync(tenant, user);
        var otherUser = await GivenUserAsync();
        var key = TestData.Unique("theme");
        await Store.Settings.SetAsync(TestData.NewSetting(key, SettingScope.App, tenant.App.Id.ToString()), Ct);
        await Store.Settings.SetAsync(TestData.NewSetting(key, SettingScope.Organization, organization.Id.ToString()), Ct);
        await Store.Settings.SetAsync(TestData.NewSetting(key, SettingScope.User, user.Id.ToString()), Ct);
        await Store.Settings.SetAsync(TestData.NewSetting(key, SettingScope.User, otherUser.Id.ToString()), Ct);

        Assert.True(await Store.Apps.DeleteAsync(tenant.App.Id, Ct));

        Assert.Null(await Store.Settings.GetAsync(key, SettingScope.App, tenant.App.Id.ToString(), Ct));
        Assert.Null(await Store.Settings.GetAsync(key, SettingScope.Organization, organization.Id.ToString(), Ct));
        Assert.Null(await Store.Settings.GetAsync(key, SettingScope.User, user.Id.ToString(), Ct));
        Assert.NotNull(await Store.Settings.GetAsync(key, SettingScope.User, otherUser.Id.ToString(), Ct));
    }

    [Fact]
    public async Task DeletingAnOrganization_RemovesItsScopedRoleAssignments_NeverWideningThemToAppWide()
    {
        var tenant = await GivenTenantAsync();
        var user = await GivenUserAsync(tenant);
        var organization = await GivenOrganizationAsync(tenant, user);
        var role = TestData.NewRole(tenant.App.Id);
        await Store.Roles.CreateAsync(role, Ct);
        var scoped = TestData.NewAssignment(user.Id, role.Id, organization.Id);
        var appWide = TestData.NewAssignment(user.Id, role.Id);
        await Store.RoleAssignments.CreateAsync(scoped, Ct);
        await Store.RoleAssignments.CreateAsync(appWide, Ct);

        Assert.True(await Store.Organizations.DeleteAsync(organization.Id, Ct));

        StoreAssert.Ids([appWide.Id], (await Store.RoleAssignments.ListByUserAsync(user.Id, Ct)).Select(a => a.Id));
    }
}
