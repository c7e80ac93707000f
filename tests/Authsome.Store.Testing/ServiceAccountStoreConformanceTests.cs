namespace Authsome.Store.Testing;

/// <summary>Conformance of <see cref="IAuthsomeStore.ServiceAccounts"/>.</summary>
public abstract class ServiceAccountStoreConformanceTests : StoreConformanceTests
{
    [Fact]
    public async Task Create_ThenGet()
    {
        var tenant = await GivenTenantAsync();
        var account = TestData.NewServiceAccount(tenant.App.Id) with { Disabled = true, Scopes = ["b", "a"] };

        await Store.ServiceAccounts.CreateAsync(account, Ct);

        StoreAssert.Same(account, await Store.ServiceAccounts.GetAsync(account.Id, Ct));
        Assert.Null(await Store.ServiceAccounts.GetAsync(Id<ServiceAccount>.New(), Ct));
        await StoreAssert.ConflictAsync(ConflictKind.Duplicate, () => Store.ServiceAccounts.CreateAsync(TestData.NewServiceAccount(tenant.App.Id) with { Id = account.Id }, Ct));
    }

    [Fact]
    public async Task Update_ReplacesFields_OrThrowsNotFound()
    {
        var tenant = await GivenTenantAsync();
        var account = await GivenServiceAccountAsync(tenant.App.Id);
        var changed = account with { Name = "Renamed", Description = null, Scopes = [], Disabled = true, UpdatedAt = TestData.Now.AddDays(1) };

        await Store.ServiceAccounts.UpdateAsync(changed, Ct);

        StoreAssert.Same(changed, await Store.ServiceAccounts.GetAsync(account.Id, Ct));
        await StoreAssert.NotFoundAsync(() => Store.ServiceAccounts.UpdateAsync(TestData.NewServiceAccount(tenant.App.Id), Ct));
    }

    [Fact]
    public async Task Delete_ReturnsFalseTheSecondTime()
    {
        var account = await GivenServiceAccountAsync((await GivenTenantAsync()).App.Id);

        Assert.True(await Store.ServiceAccounts.DeleteAsync(account.Id, Ct));
        Assert.False(await Store.ServiceAccounts.DeleteAsync(account.Id, Ct));
        Assert.Null(await Store.ServiceAccounts.GetAsync(account.Id, Ct));
    }

    [Fact]
    public async Task List_PagesWithoutSkippingOrRepeating_AndAnHonestTotal()
    {
        var tenant = await GivenTenantAsync();
        var created = new List<Id<ServiceAccount>>();
        for (var i = 0; i < 7; i++)
        {
            created.Add((await GivenServiceAccountAsync(tenant.App.Id)).Id);
        }

        await GivenServiceAccountAsync((await GivenTenantAsync()).App.Id);

        var first = await Store.ServiceAccounts.ListAsync(tenant.App.Id, new PageRequest(null, 3), Ct);
        var second = await Store.ServiceAccounts.ListAsync(tenant.App.Id, new PageRequest(first.NextCursor, 3), Ct);
        var third = await Store.ServiceAccounts.ListAsync(tenant.App.Id, new PageRequest(second.NextCursor, 3), Ct);

        Assert.Equal([3, 3, 1], new[] { first.Items.Count, second.Items.Count, third.Items.Count });
        Assert.All(new[] { first, second, third }, page => Assert.Equal(7, page.Total));
        Assert.Null(third.NextCursor);
        StoreAssert.Ids(created.InIdOrder(), first.Items.Concat(second.Items).Concat(third.Items).Select(a => a.Id));
        await Assert.ThrowsAnyAsync<ArgumentException>(async () => await Store.ServiceAccounts.ListAsync(tenant.App.Id, new PageRequest(tenant.App.Id.ToString(), 3), Ct));
    }

    [Fact]
    public async Task HostileStrings_RoundTripExactly()
    {
        var tenant = await GivenTenantAsync();
        var account = TestData.NewServiceAccount(tenant.App.Id) with { Name = "' OR 1=1 --", Description = HostileStrings.VeryLong, Scopes = [.. HostileStrings.All] };

        await Store.ServiceAccounts.CreateAsync(account, Ct);

        StoreAssert.Same(account, await Store.ServiceAccounts.GetAsync(account.Id, Ct));
    }

    [Fact]
    public async Task Roles_AreAssignedOnce_ListedInOrder_AndUnassigned()
    {
        var tenant = await GivenTenantAsync();
        var account = await GivenServiceAccountAsync(tenant.App.Id);
        var other = await GivenServiceAccountAsync(tenant.App.Id);
        var first = TestData.NewRole(tenant.App.Id);
        var second = TestData.NewRole(tenant.App.Id);
        await Store.Roles.CreateAsync(first, Ct);
        await Store.Roles.CreateAsync(second, Ct);

        await Store.ServiceAccounts.AssignRoleAsync(account.Id, second.Id, TestData.Now, Ct);
        await Store.ServiceAccounts.AssignRoleAsync(account.Id, first.Id, TestData.Now.AddSeconds(1), Ct);
        await Store.ServiceAccounts.AssignRoleAsync(other.Id, first.Id, TestData.Now, Ct);

        Assert.Equal([second.Id, first.Id], await Store.ServiceAccounts.ListRolesAsync(account.Id, Ct));
        await StoreAssert.ConflictAsync(ConflictKind.Duplicate, () => Store.ServiceAccounts.AssignRoleAsync(account.Id, first.Id, TestData.Now.AddSeconds(2), Ct));
        await StoreAssert.ConflictAsync(ConflictKind.MissingReference, () => Store.ServiceAccounts.AssignRoleAsync(Id<ServiceAccount>.New(), first.Id, TestData.Now, Ct));
        await StoreAssert.ConflictAsync(ConflictKind.MissingReference, () => Store.ServiceAccounts.AssignRoleAsync(account.Id, Id<Role>.New(), TestData.Now, Ct));

        Assert.True(await Store.ServiceAccounts.UnassignRoleAsync(account.Id, second.Id, Ct));
        Assert.False(await Store.ServiceAccounts.UnassignRoleAsync(account.Id, second.Id, Ct));
        Assert.Equal([first.Id], await Store.ServiceAccounts.ListRolesAsync(account.Id, Ct));
        Assert.Equal([first.Id], await Store.ServiceAccounts.ListRolesAsync(other.Id, Ct));
        Assert.Empty(await Store.ServiceAccounts.ListRolesAsync(Id<ServiceAccount>.New(), Ct));
    }

    [Fact]
    public async Task RoleAssignments_GoWithTheAccount_TheRole_AndTheApp()
    {
        var tenant = await GivenTenantAsync();
        var account = await GivenServiceAccountAsync(tenant.App.Id);
        var kept = await GivenServiceAccountAsync(tenant.App.Id);
        var role = TestData.NewRole(tenant.App.Id);
        var doomed = TestData.NewRole(tenant.App.Id);
        await Store.Roles.CreateAsync(role, Ct);
        await Store.Roles.CreateAsync(doomed, Ct);
        await Store.ServiceAccounts.AssignRoleAsync(account.Id, role.Id, TestData.Now, Ct);
        await Store.ServiceAccounts.AssignRoleAsync(kept.Id, role.Id, TestData.Now, Ct);
        await Store.ServiceAccounts.AssignRoleAsync(kept.Id, doomed.Id, TestData.Now, Ct);

        Assert.True(await Store.Roles.DeleteAsync(doomed.Id, Ct));
        Assert.Equal([role.Id], await Store.ServiceAccounts.ListRolesAsync(kept.Id, Ct));

        Assert.True(await Store.ServiceAccounts.DeleteAsync(account.Id, Ct));
        Assert.Empty(await Store.ServiceAccounts.ListRolesAsync(account.Id, Ct));
        // A new account with the old id starts with no roles.
        await Store.ServiceAccounts.CreateAsync(account, Ct);
        Assert.Empty(await Store.ServiceAccounts.ListRolesAsync(account.Id, Ct));

        Assert.True(await Store.Apps.DeleteAsync(tenant.App.Id, Ct));
        Assert.Empty(await Store.ServiceAccounts.ListRolesAsync(kept.Id, Ct));
    }

    protected async Task<ServiceAccount> GivenServiceAccountAsync(Id<App> appId)
    {
        var account = TestData.NewServiceAccount(appId);
        await Store.ServiceAccounts.CreateAsync(account, Ct);
        return account;
    }
}
