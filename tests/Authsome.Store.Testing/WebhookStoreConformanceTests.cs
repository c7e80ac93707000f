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
            CreatedBy = (await GivenUserAsync(tenant)).Id,
            FailingSince = TestData.Now.AddMinutes(-5),
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
        var changed = webhook with { Url = "https://hooks.example.com/v2", Events = ["*"], Secret = "rotated", Active = false, FailingSince = TestData.Now.AddHours(3), UpdatedAt = TestData.Now.AddDays(1) };

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

    [Fact]
    public async Task CreateDeliveries_ThenGetAndList_PerWebhookInIdOrder()
    {
        var tenant = await GivenTenantAsync();
        var webhook = await GivenWebhookAsync(tenant.App.Id);
        var other = await GivenWebhookAsync(tenant.App.Id);
        var deliveries = Enumerable.Range(0, 5).Select(_ => TestData.NewDelivery(webhook)).ToList();
        var full = deliveries[0] with
        {
            Status = WebhookDeliveryStatus.Failed,
            Attempts = 3,
            LeaseUntil = TestData.Now.AddMinutes(1),
            LastAttemptAt = TestData.Now.AddSeconds(2),
            ResponseStatus = 503,
            LatencyMs = 1234,
            ResponseBody = HostileStrings.All.First(),
            Error = "timeout",
        };
        deliveries[0] = full;

        await Store.Webhooks.CreateDeliveriesAsync(deliveries, Ct);
        await Store.Webhooks.CreateDeliveriesAsync([TestData.NewDelivery(other)], Ct);
        await Store.Webhooks.CreateDeliveriesAsync([], Ct);

        StoreAssert.Same(full, await Store.Webhooks.GetDeliveryAsync(full.Id, Ct));
        Assert.Null(await Store.Webhooks.GetDeliveryAsync(Id<WebhookDelivery>.New(), Ct));
        var first = await Store.Webhooks.ListDeliveriesAsync(webhook.Id, new PageRequest(null, 3), Ct);
        var second = await Store.Webhooks.ListDeliveriesAsync(webhook.Id, new PageRequest(first.NextCursor, 3), Ct);
        Assert.Equal(5, first.Total);
        Assert.Null(second.NextCursor);
        StoreAssert.Ids(deliveries.Select(d => d.Id).InIdOrder(), first.Items.Concat(second.Items).Select(d => d.Id));
    }

    [Fact]
    public async Task CreateDeliveries_StoresNoneOfTheBatch_WhenAnIdIsTaken()
    {
        var tenant = await GivenTenantAsync();
        var webhook = await GivenWebhookAsync(tenant.App.Id);
        var existing = TestData.NewDelivery(webhook);
        await Store.Webhooks.CreateDeliveriesAsync([existing], Ct);
        var fresh = TestData.NewDelivery(webhook);

        await StoreAssert.ConflictAsync(ConflictKind.Duplicate, () => Store.Webhooks.CreateDeliveriesAsync([fresh, TestData.NewDelivery(webhook) with { Id = existing.Id }], Ct));

        Assert.Null(await Store.Webhooks.GetDeliveryAsync(fresh.Id, Ct));
    }

    [Fact]
    public async Task ClaimDueDeliveries_TakesOnlyDuePendingAndUnleased_AndLeasesThem()
    {
        var webhook = await GivenWebhookAsync((await GivenTenantAsync()).App.Id);
        var now = TestData.Now.AddSeconds(10);
        var due = TestData.NewDelivery(webhook, TestData.Now);
        var dueNow = TestData.NewDelivery(webhook, now);
        var later = TestData.NewDelivery(webhook, now.AddMilliseconds(1));
        var done = TestData.NewDelivery(webhook) with { Status = WebhookDeliveryStatus.Succeeded };
        var failed = TestData.NewDelivery(webhook) with { Status = WebhookDeliveryStatus.Failed };
        var leased = TestData.NewDelivery(webhook) with { LeaseUntil = now.AddMilliseconds(1) };
        var leaseEnded = TestData.NewDelivery(webhook) with { LeaseUntil = now };
        await Store.Webhooks.CreateDeliveriesAsync([due, dueNow, later, done, failed, leased, leaseEnded], Ct);
        var until = now.AddMinutes(1);

        var claimed = (await Store.Webhooks.ClaimDueDeliveriesAsync(now, until, 1000, Ct)).Where(d => d.WebhookId == webhook.Id).ToList();

        StoreAssert.Ids(new[] { due.Id, dueNow.Id, leaseEnded.Id }.InIdOrder(), claimed.Select(d => d.Id).InIdOrder());
        Assert.All(claimed, d => Assert.Equal(until, d.LeaseUntil));
        StoreAssert.Same(due with { LeaseUntil = until }, claimed.Single(d => d.Id == due.Id));
        Assert.Equal(until, (await Store.Webhooks.GetDeliveryAsync(due.Id, Ct))!.LeaseUntil);
        Assert.DoesNotContain((await Store.Webhooks.ClaimDueDeliveriesAsync(now, until, 1000, Ct)).Select(d => d.Id), id => id == due.Id);
        Assert.Contains((await Store.Webhooks.ClaimDueDeliveriesAsync(until, until.AddMinutes(1), 1000, Ct)).Select(d => d.Id), id => id == due.Id);
    }

    [Fact]
    public async Task ClaimDueDeliveries_ConcurrentClaimers_NeverTakeTheSameDelivery()
    {
        var webhook = await GivenWebhookAsync((await GivenTenantAsync()).App.Id);
        var mine = Enumerable.Range(0, 12).Select(_ => TestData.NewDelivery(webhook)).ToList();
        await Store.Webhooks.CreateDeliveriesAsync(mine, Ct);
        var now = TestData.Now.AddHours(1);

        var results = await StoreAssert.ConcurrentlyAsync(8, async _ => await Store.Webhooks.ClaimDueDeliveriesAsync(now, now.AddMinutes(5), 1000, Ct));

        var taken = results.SelectMany(r => r).Where(d => d.WebhookId == webhook.Id).Select(d => d.Id).ToList();
        Assert.Equal(taken.Count, taken.Distinct().Count());
        StoreAssert.Ids(mine.Select(d => d.Id).InIdOrder(), taken.InIdOrder());
    }

    [Fact]
    public async Task RecordAttempt_NeedsTheHeldLease_AndFreesIt()
    {
        var webhook = await GivenWebhookAsync((await GivenTenantAsync()).App.Id);
        var delivery = TestData.NewDelivery(webhook);
        await Store.Webhooks.CreateDeliveriesAsync([delivery], Ct);
        var now = TestData.Now.AddDays(2);
        var lease = now.AddMinutes(1);
        Assert.Contains((await Store.Webhooks.ClaimDueDeliveriesAsync(now, lease, 1000, Ct)).Select(d => d.Id), id => id == delivery.Id);
        var attempted = delivery with
        {
            Attempts = 1,
            NextAttemptAt = now.AddSeconds(30),
            LastAttemptAt = now,
            ResponseStatus = 500,
            LatencyMs = 17,
            ResponseBody = "oops",
            Error = "HTTP 500",
            UpdatedAt = now,
        };

        Assert.False(await Store.Webhooks.RecordAttemptAsync(attempted with { Attempts = 9 }, lease.AddMilliseconds(1), Ct));
        Assert.True(await Store.Webhooks.RecordAttemptAsync(attempted, lease, Ct));
        Assert.False(await Store.Webhooks.RecordAttemptAsync(attempted with { Attempts = 9 }, lease, Ct));

        StoreAssert.Same(attempted, await Store.Webhooks.GetDeliveryAsync(delivery.Id, Ct));
    }

    [Fact]
    public async Task RequeueDelivery_MakesItPendingAndDue()
    {
        var webhook = await GivenWebhookAsync((await GivenTenantAsync()).App.Id);
        var delivery = TestData.NewDelivery(webhook) with { Status = WebhookDeliveryStatus.Failed, Attempts = 12, LeaseUntil = TestData.Now.AddYears(1) };
        await Store.Webhooks.CreateDeliveriesAsync([delivery], Ct);
        var at = TestData.Now.AddDays(3);

        Assert.True(await Store.Webhooks.RequeueDeliveryAsync(delivery.Id, at, Ct));
        Assert.False(await Store.Webhooks.RequeueDeliveryAsync(Id<WebhookDelivery>.New(), at, Ct));

        StoreAssert.Same(delivery with { Status = WebhookDeliveryStatus.Pending, NextAttemptAt = at, LeaseUntil = null, UpdatedAt = at }, await Store.Webhooks.GetDeliveryAsync(delivery.Id, Ct));
        Assert.Contains((await Store.Webhooks.ClaimDueDeliveriesAsync(at, at.AddMinutes(1), 1000, Ct)).Select(d => d.Id), id => id == delivery.Id);
    }

    [Fact]
    public async Task Delete_RemovesTheDeliveries_AndDeletingTheAppRemovesThemToo()
    {
        var tenant = await GivenTenantAsync();
        var webhook = await GivenWebhookAsync(tenant.App.Id);
        var kept = await GivenWebhookAsync(tenant.App.Id);
        var delivery = TestData.NewDelivery(webhook);
        var keptDelivery = TestData.NewDelivery(kept);
        await Store.Webhooks.CreateDeliveriesAsync([delivery, keptDelivery], Ct);

        Assert.True(await Store.Webhooks.DeleteAsync(webhook.Id, Ct));

        Assert.Null(await Store.Webhooks.GetDeliveryAsync(delivery.Id, Ct));
        Assert.NotNull(await Store.Webhooks.GetDeliveryAsync(keptDelivery.Id, Ct));
        Assert.True(await Store.Apps.DeleteAsync(tenant.App.Id, Ct));
        Assert.Null(await Store.Webhooks.GetDeliveryAsync(keptDelivery.Id, Ct));
    }

    protected async Task<Webhook> GivenWebhookAsync(Id<App> appId)
    {
        var webhook = TestData.NewWebhook(appId);
        await Store.Webhooks.CreateAsync(webhook, Ct);
        return webhook;
    }
}
