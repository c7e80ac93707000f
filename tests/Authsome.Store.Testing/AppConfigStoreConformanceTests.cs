namespace Authsome.Store.Testing;

/// <summary>Conformance of <see cref="IAuthsomeStore.AppSessionConfigs"/> and <see cref="IAuthsomeStore.AppClientConfigs"/>: one record per app, upserted.</summary>
public abstract class AppConfigStoreConformanceTests : StoreConformanceTests
{
    [Fact]
    public async Task SessionConfig_Set_CreatesThenReplaces_KeepingIdAndCreatedAt()
    {
        var tenant = await GivenTenantAsync();
        var config = TestData.NewSessionConfig(tenant.App.Id) with { TokenTtl = TimeSpan.FromMilliseconds(90_061_001) };

        StoreAssert.Same(config, await Store.AppSessionConfigs.SetAsync(config, Ct));
        StoreAssert.Same(config, await Store.AppSessionConfigs.GetAsync(tenant.App.Id, Ct));

        var replacement = TestData.NewSessionConfig(tenant.App.Id) with
        {
            TokenTtl = null,
            MaxActiveSessions = null,
            TokenFormat = TokenFormat.Opaque,
            BindToDevice = true,
            CreatedAt = TestData.Now.AddDays(1),
            UpdatedAt = TestData.Now.AddDays(1),
        };
        var expected = replacement with { Id = config.Id, CreatedAt = config.CreatedAt };

        StoreAssert.Same(expected, await Store.AppSessionConfigs.SetAsync(replacement, Ct));
        StoreAssert.Same(expected, await Store.AppSessionConfigs.GetAsync(tenant.App.Id, Ct));
    }

    [Fact]
    public async Task SessionConfig_AllUnset_RoundTripsAsUnset()
    {
        var tenant = await GivenTenantAsync();
        var config = new AppSessionConfig { Id = Id<AppSessionConfig>.New(), AppId = tenant.App.Id, CreatedAt = TestData.Now, UpdatedAt = TestData.Now };

        await Store.AppSessionConfigs.SetAsync(config, Ct);

        StoreAssert.Same(config, await Store.AppSessionConfigs.GetAsync(tenant.App.Id, Ct));
    }

    [Fact]
    public async Task SessionConfig_IsPerApp_AndDeleteReturnsFalseTheSecondTime()
    {
        var tenant = await GivenTenantAsync();
        var other = await GivenTenantAsync();
        await Store.AppSessionConfigs.SetAsync(TestData.NewSessionConfig(tenant.App.Id), Ct);
        var kept = await Store.AppSessionConfigs.SetAsync(TestData.NewSessionConfig(other.App.Id), Ct);

        Assert.True(await Store.AppSessionConfigs.DeleteAsync(tenant.App.Id, Ct));
        Assert.False(await Store.AppSessionConfigs.DeleteAsync(tenant.App.Id, Ct));

        Assert.Null(await Store.AppSessionConfigs.GetAsync(tenant.App.Id, Ct));
        StoreAssert.Same(kept, await Store.AppSessionConfigs.GetAsync(other.App.Id, Ct));
    }

    [Fact]
    public async Task SessionConfig_ConcurrentSets_LeaveOneRecord()
    {
        var tenant = await GivenTenantAsync();

        var saved = await StoreAssert.ConcurrentlyAsync(20, async i =>
            await Store.AppSessionConfigs.SetAsync(TestData.NewSessionConfig(tenant.App.Id) with { MaxActiveSessions = i }, Ct));

        var stored = await Store.AppSessionConfigs.GetAsync(tenant.App.Id, Ct);
        Assert.NotNull(stored);
        Assert.All(saved, s => Assert.Equal(stored.Id, s.Id));
    }

    [Fact]
    public async Task ClientConfig_Set_CreatesThenReplaces_KeepingIdAndCreatedAt()
    {
        var tenant = await GivenTenantAsync();
        var config = TestData.NewClientConfig(tenant.App.Id) with { SocialProviders = ["google", "apple", "github"], MfaRequired = true };

        StoreAssert.Same(config, await Store.AppClientConfigs.SetAsync(config, Ct));
        StoreAssert.Same(config, await Store.AppClientConfigs.GetAsync(tenant.App.Id, Ct));

        var replacement = TestData.NewClientConfig(tenant.App.Id) with { SocialProviders = [], SignUpEnabled = false, SsoEnabled = true, UpdatedAt = TestData.Now.AddDays(1) };
        var expected = replacement with { Id = config.Id, CreatedAt = config.CreatedAt };

        StoreAssert.Same(expected, await Store.AppClientConfigs.SetAsync(replacement, Ct));
        StoreAssert.Same(expected, await Store.AppClientConfigs.GetAsync(tenant.App.Id, Ct));
    }

    [Fact]
    public async Task ClientConfig_DeleteReturnsFalseTheSecondTime()
    {
        var tenant = await GivenTenantAsync();
        await Store.AppClientConfigs.SetAsync(TestData.NewClientConfig(tenant.App.Id), Ct);

        Assert.True(await Store.AppClientConfigs.DeleteAsync(tenant.App.Id, Ct));
        Assert.False(await Store.AppClientConfigs.DeleteAsync(tenant.App.Id, Ct));
        Assert.Null(await Store.AppClientConfigs.GetAsync(tenant.App.Id, Ct));
    }

    [Fact]
    public async Task ClientConfig_ConcurrentSets_LeaveOneRecord()
    {
        var tenant = await GivenTenantAsync();

        var saved = await StoreAssert.ConcurrentlyAsync(20, async i =>
            await Store.AppClientConfigs.SetAsync(TestData.NewClientConfig(tenant.App.Id) with { SocialProviders = [$"provider{i}"] }, Ct));

        var stored = await Store.AppClientConfigs.GetAsync(tenant.App.Id, Ct);
        Assert.NotNull(stored);
        Assert.All(saved, s => Assert.Equal(stored.Id, s.Id));
    }

    [Fact]
    public async Task ClientConfig_HostileStrings_RoundTripExactly()
    {
        var tenant = await GivenTenantAsync();
        var config = TestData.NewClientConfig(tenant.App.Id) with { SocialProviders = [.. HostileStrings.All] };

        await Store.AppClientConfigs.SetAsync(config, Ct);

        StoreAssert.Same(config, await Store.AppClientConfigs.GetAsync(tenant.App.Id, Ct));
    }
}
