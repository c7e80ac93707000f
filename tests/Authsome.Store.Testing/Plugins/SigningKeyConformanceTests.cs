using Authsome.Plugins.Jwt;

namespace Authsome.Store.Testing.Plugins;

/// <summary>Conformance of the JWT plugin's sub-store, <see cref="ISigningKeyStore"/>, built from <see cref="SigningKeyStore.Definition"/>.</summary>
public abstract class SigningKeyConformanceTests() : PluginStoreConformanceTests<ISigningKeyStore>(SigningKeyStore.Definition)
{
    protected ISigningKeyStore Keys => PluginStore;

    private static SigningKey NewKey(Id<App> appId, DateTimeOffset activatesAt) => new()
    {
        Id = Id<SigningKey>.New(),
        AppId = appId,
        Algorithm = "ES256",
        PublicJwk = """{"kty":"EC","crv":"P-256","x":"x","y":"y"}""",
        ProtectedPrivateKey = "CfDJ8-protected-bytes",
        ActivatesAt = activatesAt,
        RetiresAt = activatesAt.AddDays(30),
        ExpiresAt = activatesAt.AddDays(31),
        CreatedAt = TestData.Now,
    };

    [Fact]
    public async Task List_ReturnsTheAppsUnexpiredKeys_InActivationOrder()
    {
        var tenant = await GivenTenantAsync();
        var other = await GivenTenantAsync();
        var next = NewKey(tenant.App.Id, TestData.Now.AddDays(29));
        var current = NewKey(tenant.App.Id, TestData.Now);
        var gone = NewKey(tenant.App.Id, TestData.Now.AddDays(-40));
        await Keys.CreateAsync(next, Ct);
        await Keys.CreateAsync(current, Ct);
        await Keys.CreateAsync(gone, Ct);
        await Keys.CreateAsync(NewKey(other.App.Id, TestData.Now), Ct);

        Assert.Equal([current, next], await Keys.ListAsync(tenant.App.Id, TestData.Now, Ct));
    }

    [Fact]
    public async Task List_LeavesAKeyOut_FromItsExpiry()
    {
        var tenant = await GivenTenantAsync();
        var key = NewKey(tenant.App.Id, TestData.Now);
        await Keys.CreateAsync(key, Ct);

        Assert.Single(await Keys.ListAsync(tenant.App.Id, key.ExpiresAt.AddMilliseconds(-1), Ct));
        Assert.Empty(await Keys.ListAsync(tenant.App.Id, key.ExpiresAt, Ct));
    }

    [Fact]
    public async Task Create_Conflicts_WhenTheIdIsTaken()
    {
        var tenant = await GivenTenantAsync();
        var key = NewKey(tenant.App.Id, TestData.Now);
        await Keys.CreateAsync(key, Ct);

        await StoreAssert.ConflictAsync(ConflictKind.Duplicate, () => Keys.CreateAsync(key, Ct));
    }

    [Fact]
    public async Task Purge_DeletesTheExpiredKeys()
    {
        var tenant = await GivenTenantAsync();
        var old = NewKey(tenant.App.Id, TestData.Now.AddDays(-40));
        var live = NewKey(tenant.App.Id, TestData.Now);
        await Keys.CreateAsync(old, Ct);
        await Keys.CreateAsync(live, Ct);

        // The database may hold other tests' keys: purging counts them too, so look only at this app's.
        Assert.True(await Keys.PurgeAsync(TestData.Now, Ct) >= 1);
        Assert.Equal([live], await Keys.ListAsync(tenant.App.Id, TestData.Now.AddDays(-100), Ct));
    }
}
