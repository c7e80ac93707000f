namespace Authsome.Store.Testing;

/// <summary>
/// Conformance of <see cref="IAuthsomeStore.Roles"/> and <see cref="IAuthsomeStore.RoleAssignments"/>, and of the shared
/// <see cref="RbacEvaluator"/> over them: inheritance, wildcards, organization scope, cycles and the depth limit.
/// </summary>
public abstract class RbacStoreConformanceTests : StoreConformanceTests
{
    [Fact]
    public async Task Role_Create_ThenGetByIdAndSlug()
    {
        var tenant = await GivenTenantAsync();
        var parent = await GivenRoleAsync(tenant.App.Id);
        var role = TestData.NewRole(tenant.App.Id, parent.Id) with { Description = "Can edit documents" };

        await Store.Roles.CreateAsync(role, Ct);

        StoreAssert.Same(role, await Store.Roles.GetAsync(role.Id, Ct));
        StoreAssert.Same(role, await Store.Roles.GetBySlugAsync(tenant.App.Id, role.Slug, Ct));
        Assert.Null(await Store.Roles.GetAsync(Id<Role>.New(), Ct));
        Assert.Null(await Store.Roles.GetBySlugAsync(Id<App>.New(), role.Slug, Ct));
    }

    [Fact]
    public async Task Role_Create_ThrowsDuplicateOrSlugTaken_AndAllowsTheSlugInAnotherApp()
    {
        var tenant = await GivenTenantAsync();
        var other = await GivenTenantAsync();
        var role = await GivenRoleAsync(tenant.App.Id);

        await StoreAssert.ConflictAsync(ConflictKind.Duplicate, () => Store.Roles.CreateAsync(TestData.NewRole(tenant.App.Id) with { Id = role.Id }, Ct));
        await StoreAssert.ConflictAsync(ConflictKind.SlugTaken, () => Store.Roles.CreateAsync(TestData.NewRole(tenant.App.Id) with { Slug = role.Slug }, Ct));

        var elsewhere = TestData.NewRole(other.App.Id) with { Slug = role.Slug };
        await Store.Roles.CreateAsync(elsewhere, Ct);
        StoreAssert.Same(elsewhere, await Store.Roles.GetBySlugAsync(other.App.Id, role.Slug, Ct));
    }

    [Fact]
    public async Task OrganizationRole_SlugIsUniquePerOrganization_AndApartFromAppWideRoles()
    {
        var tenant = await GivenTenantAsync();
        var owner = await GivenUserAsync(tenant);
        var first = TestData.NewOrganization(tenant.App.Id, owner.Id);
        var second = TestData.NewOrganization(tenant.App.Id, owner.Id);
        await Store.Organizations.CreateAsync(first, Ct);
        await Store.Organizations.CreateAsync(second, Ct);
        var appWide = await GivenRoleAsync(tenant.App.Id);
        var inFirst = TestData.NewRole(tenant.App.Id) with { OrgId = first.Id, Slug = appWide.Slug };
        var inSecond = TestData.NewRole(tenant.App.Id) with { OrgId = second.Id, Slug = appWide.Slug };

        await Store.Roles.CreateAsync(inFirst, Ct);
        await Store.Roles.CreateAsync(inSecond, Ct);

        await StoreAssert.ConflictAsync(ConflictKind.SlugTaken, () => Store.Roles.CreateAsync(TestData.NewRole(tenant.App.Id) with { OrgId = first.Id, Slug = appWide.Slug }, Ct));
        await StoreAssert.ConflictAsync(ConflictKind.SlugTaken, () => Store.Roles.CreateAsync(TestData.NewRole(tenant.App.Id) with { Slug = appWide.Slug }, Ct));
        StoreAssert.Same(appWide, await Store.Roles.GetBySlugAsync(tenant.App.Id, appWide.Slug, Ct));
        StoreAssert.Same(inFirst, await Store.Roles.GetBySlugAsync(first.Id, appWide.Slug, Ct));
        StoreAssert.Same(inSecond, await Store.Roles.GetBySlugAsync(second.Id, appWide.Slug, Ct));
        Assert.Null(await Store.Roles.GetBySlugAsync(Id<Organization>.New(), appWide.Slug, Ct));
        StoreAssert.Same(inFirst, Assert.Single(await Store.Roles.ListAsync(first.Id, Ct)));
        StoreAssert.Ids(new[] { appWide.Id, inFirst.Id, inSecond.Id }.InIdOrder(), (await Store.Roles.ListAsync(tenant.App.Id, Ct)).Select(r => r.Id));

        // An update changes neither the app nor the organization.
        await Store.Roles.UpdateAsync(inFirst with { Name = "Renamed", OrgId = second.Id, Slug = "renamed", UpdatedAt = TestData.Now.AddDays(1) }, Ct);
        Assert.Equal(first.Id, (await Store.Roles.GetBySlugAsync(first.Id, "renamed", Ct))!.OrgId);
    }

    [Fact]
    public async Task Role_Update_ReplacesFields_OrThrows()
    {
        var tenant = await GivenTenantAsync();
        var taken = await GivenRoleAsync(tenant.App.Id);
        var role = await GivenRoleAsync(tenant.App.Id);
        var changed = role with { Name = "Editor", Slug = TestData.Unique("editor-"), ParentId = taken.Id, Description = "x", UpdatedAt = TestData.Now.AddDays(1) };

        await Store.Roles.UpdateAsync(changed, Ct);

        StoreAssert.Same(changed, await Store.Roles.GetBySlugAsync(tenant.App.Id, changed.Slug, Ct));
        Assert.Null(await Store.Roles.GetBySlugAsync(tenant.App.Id, role.Slug, Ct));
        await StoreAssert.ConflictAsync(ConflictKind.SlugTaken, () => Store.Roles.UpdateAsync(changed with { Slug = taken.Slug }, Ct));
        await StoreAssert.NotFoundAsync(() => Store.Roles.UpdateAsync(TestData.NewRole(tenant.App.Id), Ct));
    }

    [Fact]
    public async Task Role_Delete_RemovesPermissionsAndAssignments_AndOrphansChildren()
    {
        var user = await GivenUserAsync();
        var role = await GivenRoleAsync(user.AppId);
        var child = await GivenRoleAsync(user.AppId, role.Id);
        var kept = await GivenRoleAsync(user.AppId);
        await Store.Roles.AddPermissionAsync(TestData.NewPermission(role.Id, "read", "*"), Ct);
        await Store.RoleAssignments.CreateAsync(TestData.NewAssignment(user.Id, role.Id), Ct);
        var keptAssignment = TestData.NewAssignment(user.Id, kept.Id);
        await Store.RoleAssignments.CreateAsync(keptAssignment, Ct);

        Assert.True(await Store.Roles.DeleteAsync(role.Id, Ct));
        Assert.False(await Store.Roles.DeleteAsync(role.Id, Ct));

        Assert.Null(await Store.Roles.GetAsync(role.Id, Ct));
        Assert.Empty(await Store.Roles.ListPermissionsAsync(role.Id, Ct));
        StoreAssert.Same(keptAssignment, Assert.Single(await Store.RoleAssignments.ListByUserAsync(user.Id, Ct)));
        StoreAssert.Same(child with { ParentId = null }, await Store.Roles.GetAsync(child.Id, Ct));
        await Store.Roles.CreateAsync(TestData.NewRole(user.AppId) with { Slug = role.Slug }, Ct);
    }

    [Fact]
    public async Task Role_List_ReturnsTheAppsRoles_InIdOrder()
    {
        var tenant = await GivenTenantAsync();
        var created = new List<Id<Role>>();
        for (var i = 0; i < 4; i++)
        {
            created.Add((await GivenRoleAsync(tenant.App.Id)).Id);
        }

        await GivenRoleAsync((await GivenTenantAsync()).App.Id);

        StoreAssert.Ids(created.InIdOrder(), (await Store.Roles.ListAsync(tenant.App.Id, Ct)).Select(r => r.Id));
    }

    [Fact]
    public async Task Permissions_AddListAndRemove()
    {
        var tenant = await GivenTenantAsync();
        var role = await GivenRoleAsync(tenant.App.Id);
        var other = await GivenRoleAsync(tenant.App.Id);
        var read = TestData.NewPermission(role.Id, "read", "documents:*");
        var write = TestData.NewPermission(role.Id, "write", "documents:42");
        await Store.Roles.AddPermissionAsync(read, Ct);
        await Store.Roles.AddPermissionAsync(write, Ct);
        await Store.Roles.AddPermissionAsync(TestData.NewPermission(other.Id, "read", "documents:*"), Ct);

        var listed = await Store.Roles.ListPermissionsAsync(role.Id, Ct);
        StoreAssert.Ids(new[] { read.Id, write.Id }.InIdOrder(), listed.Select(p => p.Id));
        StoreAssert.Same(read, listed.Single(p => p.Id == read.Id));

        Assert.True(await Store.Roles.RemovePermissionAsync(read.Id, Ct));
        Assert.False(await Store.Roles.RemovePermissionAsync(read.Id, Ct));
        StoreAssert.Same(write, Assert.Single(await Store.Roles.ListPermissionsAsync(role.Id, Ct)));
    }

    [Fact]
    public async Task Permissions_AreUniquePerRoleActionAndResource()
    {
        var tenant = await GivenTenantAsync();
        var role = await GivenRoleAsync(tenant.App.Id);
        var permission = TestData.NewPermission(role.Id, "read", "documents:*");
        await Store.Roles.AddPermissionAsync(permission, Ct);

        await StoreAssert.ConflictAsync(ConflictKind.Duplicate, () => Store.Roles.AddPermissionAsync(TestData.NewPermission(role.Id, "read", "documents:*"), Ct));
        await StoreAssert.ConflictAsync(ConflictKind.Duplicate, () => Store.Roles.AddPermissionAsync(TestData.NewPermission(role.Id, "write", "x") with { Id = permission.Id }, Ct));
        await Store.Roles.AddPermissionAsync(TestData.NewPermission(role.Id, "read", "documents:1"), Ct);
        await Store.Roles.AddPermissionAsync(TestData.NewPermission(role.Id, "READ", "documents:*"), Ct);
        Assert.Equal(3, (await Store.Roles.ListPermissionsAsync(role.Id, Ct)).Count);
    }

    [Fact]
    public async Task Assignments_CreateListAndDelete()
    {
        var tenant = await GivenTenantAsync();
        var user = await GivenUserAsync(tenant);
        var other = await GivenUserAsync(tenant);
        var organization = await GivenOrganizationAsync(tenant, user);
        var role = await GivenRoleAsync(tenant.App.Id);
        var appWide = TestData.NewAssignment(user.Id, role.Id);
        var inOrganization = TestData.NewAssignment(user.Id, role.Id, organization.Id);
        await Store.RoleAssignments.CreateAsync(appWide, Ct);
        await Store.RoleAssignments.CreateAsync(inOrganization, Ct);
        await Store.RoleAssignments.CreateAsync(TestData.NewAssignment(other.Id, role.Id), Ct);

        var listed = await Store.RoleAssignments.ListByUserAsync(user.Id, Ct);
        StoreAssert.Ids(new[] { appWide.Id, inOrganization.Id }.InIdOrder(), listed.Select(a => a.Id));
        StoreAssert.Same(inOrganization, listed.Single(a => a.Id == inOrganization.Id));

        Assert.True(await Store.RoleAssignments.DeleteAsync(appWide.Id, Ct));
        Assert.False(await Store.RoleAssignments.DeleteAsync(appWide.Id, Ct));
        StoreAssert.Same(inOrganization, Assert.Single(await Store.RoleAssignments.ListByUserAsync(user.Id, Ct)));
    }

    [Fact]
    public async Task Assignments_AreUniquePerUserRoleAndOrganization_AppWideIncluded()
    {
        var tenant = await GivenTenantAsync();
        var user = await GivenUserAsync(tenant);
        var organization = await GivenOrganizationAsync(tenant, user);
        var role = await GivenRoleAsync(tenant.App.Id);
        var appWide = TestData.NewAssignment(user.Id, role.Id);
        await Store.RoleAssignments.CreateAsync(appWide, Ct);
        await Store.RoleAssignments.CreateAsync(TestData.NewAssignment(user.Id, role.Id, organization.Id), Ct);

        await StoreAssert.ConflictAsync(ConflictKind.Duplicate, () => Store.RoleAssignments.CreateAsync(TestData.NewAssignment(user.Id, role.Id), Ct));
        await StoreAssert.ConflictAsync(ConflictKind.Duplicate, () => Store.RoleAssignments.CreateAsync(TestData.NewAssignment(user.Id, role.Id, organization.Id), Ct));
        var otherRole = await GivenRoleAsync(tenant.App.Id);
        await StoreAssert.ConflictAsync(ConflictKind.Duplicate, () => Store.RoleAssignments.CreateAsync(TestData.NewAssignment(user.Id, otherRole.Id) with { Id = appWide.Id }, Ct));
        Assert.Equal(2, (await Store.RoleAssignments.ListByUserAsync(user.Id, Ct)).Count);
    }

    [Fact]
    public async Task Evaluator_GrantsDirectAndInheritedPermissions_WithWildcards()
    {
        var user = await GivenUserAsync();
        var viewer = await GivenRoleAsync(user.AppId);
        var editor = await GivenRoleAsync(user.AppId, viewer.Id);
        var admin = await GivenRoleAsync(user.AppId, editor.Id);
        await Store.Roles.AddPermissionAsync(TestData.NewPermission(viewer.Id, "read", "documents:*"), Ct);
        await Store.Roles.AddPermissionAsync(TestData.NewPermission(editor.Id, "write", "documents:42"), Ct);
        await Store.Roles.AddPermissionAsync(TestData.NewPermission(admin.Id, "*", "billing"), Ct);
        await Store.RoleAssignments.CreateAsync(TestData.NewAssignment(user.Id, admin.Id), Ct);
        var evaluator = new RbacEvaluator(Store.Roles, Store.RoleAssignments);

        Assert.True(await evaluator.HasPermissionAsync(user.Id, "read", "documents:7", null, Ct));
        Assert.True(await evaluator.HasPermissionAsync(user.Id, "write", "documents:42", null, Ct));
        Assert.True(await evaluator.HasPermissionAsync(user.Id, "refund", "billing", null, Ct));
        Assert.False(await evaluator.HasPermissionAsync(user.Id, "write", "documents:7", null, Ct));
        Assert.False(await evaluator.HasPermissionAsync(user.Id, "read", "invoices:1", null, Ct));
        Assert.False(await evaluator.HasPermissionAsync(user.Id, "refund", "billing:eu", null, Ct));
        Assert.False(await evaluator.HasPermissionAsync(Id<User>.New(), "read", "documents:7", null, Ct));
    }

    [Fact]
    public async Task Evaluator_AppliesOrganizationAssignmentsOnlyWithinTheirOrganization()
    {
        var tenant = await GivenTenantAsync();
        var user = await GivenUserAsync(tenant);
        var organization = await GivenOrganizationAsync(tenant, user);
        var otherOrganization = await GivenOrganizationAsync(tenant, user);
        var orgRole = await GivenRoleAsync(tenant.App.Id);
        var appRole = await GivenRoleAsync(tenant.App.Id);
        await Store.Roles.AddPermissionAsync(TestData.NewPermission(orgRole.Id, "manage", "members"), Ct);
        await Store.Roles.AddPermissionAsync(TestData.NewPermission(appRole.Id, "read", "profile"), Ct);
        await Store.RoleAssignments.CreateAsync(TestData.NewAssignment(user.Id, orgRole.Id, organization.Id), Ct);
        await Store.RoleAssignments.CreateAsync(TestData.NewAssignment(user.Id, appRole.Id), Ct);
        var evaluator = new RbacEvaluator(Store.Roles, Store.RoleAssignments);

        Assert.True(await evaluator.HasPermissionAsync(user.Id, "manage", "members", organization.Id, Ct));
        Assert.False(await evaluator.HasPermissionAsync(user.Id, "manage", "members", otherOrganization.Id, Ct));
        Assert.False(await evaluator.HasPermissionAsync(user.Id, "manage", "members", null, Ct));
        Assert.True(await evaluator.HasPermissionAsync(user.Id, "read", "profile", otherOrganization.Id, Ct));
        Assert.True(await evaluator.HasPermissionAsync(user.Id, "read", "profile", null, Ct));
    }

    [Fact]
    public async Task Evaluator_StopsOnParentCycles()
    {
        var user = await GivenUserAsync();
        var first = await GivenRoleAsync(user.AppId);
        var second = await GivenRoleAsync(user.AppId, first.Id);
        await Store.Roles.UpdateAsync(first with { ParentId = second.Id }, Ct);
        await Store.RoleAssignments.CreateAsync(TestData.NewAssignment(user.Id, first.Id), Ct);
        await Store.Roles.AddPermissionAsync(TestData.NewPermission(second.Id, "read", "a"), Ct);
        var evaluator = new RbacEvaluator(Store.Roles, Store.RoleAssignments);

        Assert.False(await evaluator.HasPermissionAsync(user.Id, "read", "b", null, Ct));
        Assert.True(await evaluator.HasPermissionAsync(user.Id, "read", "a", null, Ct));
    }

    [Fact]
    public async Task Evaluator_FollowsParentsUpToTheDepthLimitOnly()
    {
        var user = await GivenUserAsync();
        var chain = new List<Role> { await GivenRoleAsync(user.AppId) };
        for (var i = 1; i <= RbacEvaluator.MaxDepth + 1; i++)
        {
            chain.Add(await GivenRoleAsync(user.AppId, chain[^1].Id));
        }

        // chain[^1] is assigned; chain[1] is MaxDepth levels above it, chain[0] one more.
        await Store.RoleAssignments.CreateAsync(TestData.NewAssignment(user.Id, chain[^1].Id), Ct);
        await Store.Roles.AddPermissionAsync(TestData.NewPermission(chain[1].Id, "read", "reachable"), Ct);
        await Store.Roles.AddPermissionAsync(TestData.NewPermission(chain[0].Id, "read", "too-far"), Ct);
        var evaluator = new RbacEvaluator(Store.Roles, Store.RoleAssignments);

        Assert.True(await evaluator.HasPermissionAsync(user.Id, "read", "reachable", null, Ct));
        Assert.False(await evaluator.HasPermissionAsync(user.Id, "read", "too-far", null, Ct));
    }

    [Fact]
    public async Task HostileStrings_RoundTripExactly()
    {
        var tenant = await GivenTenantAsync();
        foreach (var value in HostileStrings.Short)
        {
            var role = TestData.NewRole(tenant.App.Id) with { Name = value, Slug = value, Description = HostileStrings.VeryLong };
            await Store.Roles.CreateAsync(role, Ct);
            var permission = TestData.NewPermission(role.Id, value, value);
            await Store.Roles.AddPermissionAsync(permission, Ct);

            StoreAssert.Same(role, await Store.Roles.GetBySlugAsync(tenant.App.Id, value, Ct));
            StoreAssert.Same(permission, Assert.Single(await Store.Roles.ListPermissionsAsync(role.Id, Ct)));
        }
    }

    protected async Task<Role> GivenRoleAsync(Id<App> appId, Id<Role>? parentId = null)
    {
        var role = TestData.NewRole(appId, parentId);
        await Store.Roles.CreateAsync(role, Ct);
        return role;
    }
}
