namespace Authsome.Store.Testing;

/// <summary>Conformance of <see cref="IAuthsomeStore.Webhooks"/>.</summary>
public abstract class WebhookStoreConformanceTests : StoreConformanceTests
{
    [Fact]
    public async Task Create_ThenGet_KeepsTheEventsInOrder()
    {
        var tenant = await GivenTenantAsync();
        var webhook = TestData.NewWebhook(tenant.App.Id) with
        {
            EnvId = tenant.Environment.Id,
            Events = ["user.deleted", "user.created", "session.revoked"],
            Active = false,
        };

        await Store.Webhooks.CreateAsync(webhook, Ct);

        StoreAssert.Same(webhook, await Store.Webhooks.GetAsync(webhook.Id, Ct));
        Assert.Null(await Store.Webhooks.GetAsync(Id<Webhook>.New(), Ct));
    }

    [Fact]
    public async Task Create_ThrowsDuplicate_WhenTheIdIsTaken()
    {
        var tenant = await GivenTenantAsync();
        var webhook = await GivenWebhookAsync(tenant.App.Id);

        await StoreAssert.ConflictAsync(ConflictKind.Duplicate, () => Store.Webhooks.CreateAsync(TestData.NewWebhook(tenant.App.Id) with { Id = webhook.Id }, Ct));
    }

    [Fact]
    public async Task Create_KeepsAnEmptyEventList()
    {
        var tenant = await GivenTenantAsync();
        var webhook = TestData.NewWebhook(tenant.App.Id) with { Events = [] };

        await Store.Webhooks.CreateAsync(webhook, Ct);

        Assert.Empty((await Store.Webhooks.GetAsync(webhook.Id, Ct))!.Events);
    }

    [Fact]
    public async Task Update_ReplacesFields_OrThrowsNotFound()
    {
        var tenant = await GivenTenantAsync();
        var webhook = await GivenWebhookAsync(tenant.App.Id);
        var changed = webhook with { Url = "https://hooks.example.com/v2", Events = ["*"], Secret = "rotated", Active = false, UpdatedAt = TestData.Now.AddDays(1) };

        await Store.Webhooks.UpdateAsync(changed, Ct);

        StoreAssert.Same(changed, await Store.Webhooks.GetAsync(webhook.Id, Ct));
        await StoreAssert.NotFoundAsync(() => Store.Webhooks.UpdateAsync(TestData.NewWebhook(tenant.App.Id), Ct));
    }

    [Fact]
    public async Task DeleteAndList()
    {
        var tenant = await GivenTenantAsync();
        var created = new List<Id<Webhook>>();
        for (var i = 0; i < 4; i++)
        {
            created.Add((await GivenWebhookAsync(tenant.App.Id)).Id);
        }

        await GivenWebhookAsync((await GivenTenantAsync()).App.Id);

        StoreAssert.Ids(created.InIdOrder(), (await Store.Webhooks.ListAsync(tenant.App.Id, Ct)).Select(w => w.Id));
        Assert.True(await Store.Webhooks.DeleteAsync(created[2], Ct));
        Assert.False(await Store.Webhooks.DeleteAsync(created[2], Ct));
        Assert.Null(await Store.Webhooks.GetAsync(created[2], Ct));
        Assert.Equal(3, (await Store.Webhooks.ListAsync(tenant.App.Id, Ct)).Count);
    }

    [Fact]
    public async Task HostileStrings_RoundTripExactly()
    {
        var tenant = await GivenTenantAsync();
        var webhook = TestData.NewWebhook(tenant.App.Id) with { Url = HostileStrings.VeryLong, Events = [.. HostileStrings.All], Secret = "' OR 1=1 --" };

        await Store.Webhooks.CreateAsync(webhook, Ct);

        StoreAssert.Same(webhook, await Store.Webhooks.GetAsync(webhook.Id, Ct));
    }

    protected async Task<Webhook> GivenWebhookAsync(Id<App> appId)
    {
        var webhook = TestData.NewWebhook(appId);
        await Store.Webhooks.CreateAsync(webhook, Ct);
        return webhook;
    }
}
