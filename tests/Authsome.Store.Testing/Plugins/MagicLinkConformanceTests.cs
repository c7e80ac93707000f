using Authsome.Plugins.MagicLink;

namespace Authsome.Store.Testing.Plugins;

/// <summary>Conformance of the magic-link plugin's sub-store, <see cref="IMagicLinkStore"/>, built from <see cref="MagicLinkStore.Definition"/>.</summary>
public abstract class MagicLinkConformanceTests() : PluginStoreConformanceTests<IMagicLinkStore>(MagicLinkStore.Definition)
{
    protected IMagicLinkStore Links => PluginStore;

    private static MagicLinkToken NewLink(Id<App> appId, string email = "ada@example.com", DateTimeOffset? createdAt = null) => new()
    {
        Id = Id<MagicLinkToken>.New(),
        AppId = appId,
        Email = email,
        TokenHash = TestData.NewSecretHash(),
        RedirectUri = "https://app.example.com/welcome",
        ExpiresAt = (createdAt ?? TestData.Now) + TimeSpan.FromMinutes(15),
        CreatedAt = createdAt ?? TestData.Now,
    };

    [Fact]
    public async Task Consume_ReturnsTheLinkOnce_WithEveryFieldIntact()
    {
        var tenant = await GivenTenantAsync();
        var link = NewLink(tenant.App.Id);
        await Links.CreateAsync(link, Ct);

        var consumed = await Links.ConsumeAsync(tenant.App.Id, link.TokenHash, TestData.Now.AddMinutes(1), Ct);
        var again = await Links.ConsumeAsync(tenant.App.Id, link.TokenHash, TestData.Now.AddMinutes(2), Ct);

        Assert.Equal(link with { ConsumedAt = TestData.Now.AddMinutes(1) }, consumed);
        Assert.Null(again);
    }

    [Fact]
    public async Task Consume_ReturnsNull_FromTheExpiryMillisecond()
    {
        var tenant = await GivenTenantAsync();
        var early = NewLink(tenant.App.Id);
        var late = NewLink(tenant.App.Id);
        await Links.CreateAsync(early, Ct);
        await Links.CreateAsync(late, Ct);

        Assert.NotNull(await Links.ConsumeAsync(tenant.App.Id, early.TokenHash, early.ExpiresAt.AddMilliseconds(-1), Ct));
        Assert.Null(await Links.ConsumeAsync(tenant.App.Id, late.TokenHash, late.ExpiresAt, Ct));
    }

    [Fact]
    public async Task Consume_ReturnsNull_ForAnotherApp()
    {
        var tenant = await GivenTenantAsync();
        var other = await GivenTenantAsync();
        var link = NewLink(tenant.App.Id);
        await Links.CreateAsync(link, Ct);

        Assert.Null(await Links.ConsumeAsync(other.App.Id, link.TokenHash, TestData.Now, Ct));
        Assert.NotNull(await Links.ConsumeAsync(tenant.App.Id, link.TokenHash, TestData.Now, Ct));
    }

    [Fact]
    public async Task Consume_GivesTheLinkToOne_OfManyConcurrentCallers()
    {
        var tenant = await GivenTenantAsync();
        var link = NewLink(tenant.App.Id);
        await Links.CreateAsync(link, Ct);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Links.ConsumeAsync(tenant.App.Id, link.TokenHash, TestData.Now, Ct).AsTask()));

        Assert.Single(results, r => r is not null);
    }

    [Fact]
    public async Task Create_Conflicts_WhenTheTokenHashIsTaken()
    {
        var tenant = await GivenTenantAsync();
        var link = NewLink(tenant.App.Id);
        await Links.CreateAsync(link, Ct);

        await StoreAssert.ConflictAsync(ConflictKind.Duplicate, () => Links.CreateAsync(NewLink(tenant.App.Id) with { TokenHash = link.TokenHash }, Ct));
    }

    [Fact]
    public async Task CountSentSince_CountsThatAddressOfThatApp_FromThatTimeOn()
    {
        var tenant = await GivenTenantAsync();
        var other = await GivenTenantAsync();
        await Links.CreateAsync(NewLink(tenant.App.Id, createdAt: TestData.Now.AddMinutes(-61)), Ct);
        await Links.CreateAsync(NewLink(tenant.App.Id, createdAt: TestData.Now.AddMinutes(-60)), Ct);
        await Links.CreateAsync(NewLink(tenant.App.Id, createdAt: TestData.Now), Ct);
        await Links.CreateAsync(NewLink(tenant.App.Id, "bob@example.com"), Ct);
        await Links.CreateAsync(NewLink(other.App.Id), Ct);

        Assert.Equal(2, await Links.CountSentSinceAsync(tenant.App.Id, "ada@example.com", TestData.Now.AddMinutes(-60), Ct));
    }

    [Fact]
    public async Task Purge_DeletesOnlyTheLinksExpiredByThen()
    {
        var tenant = await GivenTenantAsync();
        var expired = NewLink(tenant.App.Id, createdAt: TestData.Now.AddHours(-1));
        var live = NewLink(tenant.App.Id);
        await Links.CreateAsync(expired, Ct);
        await Links.CreateAsync(live, Ct);

        // The database may hold other tests' links: purging counts them too, so look only at these two.
        Assert.True(await Links.PurgeAsync(expired.ExpiresAt, Ct) >= 1);

        Assert.Equal(1, await Links.CountSentSinceAsync(tenant.App.Id, "ada@example.com", TestData.Now.AddDays(-1), Ct));
        Assert.NotNull(await Links.ConsumeAsync(tenant.App.Id, live.TokenHash, TestData.Now, Ct));
    }
}
