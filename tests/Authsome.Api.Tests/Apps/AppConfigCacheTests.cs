using Authsome.Apps;
using Authsome.Store;
using Authsome.Store.Memory;
using Microsoft.Extensions.Time.Testing;

namespace Authsome.Api.Tests.Apps;

public sealed class AppConfigCacheTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ServesWhatItReadUntilTheLifetimeEnds_ThenReadsAgain()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var store = new MemoryStore(time);
        var cache = new AppConfigCache(store, time);
        var appId = Id<App>.New();

        Assert.Null(await cache.GetSessionConfigAsync(appId, Ct));
        await store.AppSessionConfigs.SetAsync(SessionConfig(appId, time, minutes: 2), Ct);

        time.Advance(AppConfigCache.Lifetime - TimeSpan.FromTicks(1));
        Assert.Null(await cache.GetSessionConfigAsync(appId, Ct));
        time.Advance(TimeSpan.FromTicks(1));
        Assert.Equal(TimeSpan.FromMinutes(2), (await cache.GetSessionConfigAsync(appId, Ct))?.TokenTtl);
    }

    [Fact]
    public async Task Invalidate_MakesTheNextReadGoToTheStore()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var store = new MemoryStore(time);
        var cache = new AppConfigCache(store, time);
        var appId = Id<App>.New();
        await store.AppSessionConfigs.SetAsync(SessionConfig(appId, time, minutes: 2), Ct);
        Assert.Equal(TimeSpan.FromMinutes(2), (await cache.GetSessionConfigAsync(appId, Ct))?.TokenTtl);
        Assert.Null(await cache.GetClientConfigAsync(appId, Ct));

        await store.AppSessionConfigs.SetAsync(SessionConfig(appId, time, minutes: 7), Ct);
        await store.AppClientConfigs.SetAsync(new AppClientConfig { Id = Id<AppClientConfig>.New(), AppId = appId, SignUpEnabled = false, CreatedAt = time.GetUtcNow(), UpdatedAt = time.GetUtcNow() }, Ct);
        Assert.Equal(TimeSpan.FromMinutes(2), (await cache.GetSessionConfigAsync(appId, Ct))?.TokenTtl);
        cache.Invalidate(appId);

        Assert.Equal(TimeSpan.FromMinutes(7), (await cache.GetSessionConfigAsync(appId, Ct))?.TokenTtl);
        Assert.False((await cache.GetClientConfigAsync(appId, Ct))?.SignUpEnabled);
    }

    private static AppSessionConfig SessionConfig(Id<App> appId, TimeProvider time, int minutes) => new()
    {
        Id = Id<AppSessionConfig>.New(),
        AppId = appId,
        TokenTtl = TimeSpan.FromMinutes(minutes),
        CreatedAt = time.GetUtcNow(),
        UpdatedAt = time.GetUtcNow(),
    };
}
