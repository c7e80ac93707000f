namespace Authsome.Store.Testing;

/// <summary>
/// Conformance of <see cref="IAuthsomeStore.InTransactionAsync{T}"/>: a change and the outbox rows it causes (webhook
/// deliveries, notifications) commit together or not at all; a failure inside dooms the unit; units nest by joining;
/// what a unit writes is never seen outside it before it commits.
/// </summary>
public abstract class UnitOfWorkConformanceTests : StoreConformanceTests
{
    [Fact]
    public async Task Commit_KeepsTheChangeAndItsOutboxRows()
    {
        var tenant = await GivenTenantAsync();
        var webhook = TestData.NewWebhook(tenant.App.Id);
        await Store.Webhooks.CreateAsync(webhook, Ct);
        var user = TestData.NewUser(tenant.App.Id, tenant.Environment.Id);
        var delivery = TestData.NewDelivery(webhook);
        var notification = TestData.NewNotification(tenant.App.Id, user.Id);

        var answer = await Store.InTransactionAsync(
            async (unit, ct) =>
            {
                await unit.Users.CreateAsync(user, ct);
                // A read inside the unit sees the unit's own write.
                Assert.NotNull(await unit.Users.GetAsync(user.Id, ct));
                await unit.Webhooks.CreateDeliveriesAsync([delivery], ct);
                await unit.Notifications.CreateAsync(notification, ct);
                return 42;
            },
            Ct);

        Assert.Equal(42, answer);
        StoreAssert.Same(user, await Store.Users.GetAsync(user.Id, Ct));
        StoreAssert.Same(delivery, await Store.Webhooks.GetDeliveryAsync(delivery.Id, Ct));
        StoreAssert.Same(notification, await Store.Notifications.GetAsync(notification.Id, Ct));
    }

    [Fact]
    public async Task Throw_LeavesNeitherTheChangeNorItsOutboxRows()
    {
        var tenant = await GivenTenantAsync();
        var webhook = TestData.NewWebhook(tenant.App.Id);
        await Store.Webhooks.CreateAsync(webhook, Ct);
        var kept = await GivenUserAsync(tenant);
        var user = TestData.NewUser(tenant.App.Id, tenant.Environment.Id);
        var delivery = TestData.NewDelivery(webhook);
        var notification = TestData.NewNotification(tenant.App.Id, user.Id);

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => Store.InTransactionAsync(
            async (unit, ct) =>
            {
                await unit.Users.CreateAsync(user, ct);
                Assert.True(await unit.Users.UpdateAsync(kept, kept with { Name = "Changed", UpdatedAt = kept.UpdatedAt.AddSeconds(1) }, ct));
                Assert.True(await unit.Webhooks.DeleteAsync(webhook.Id, ct));
                await unit.Webhooks.CreateAsync(webhook with { Id = Id<Webhook>.New() }, ct);
                await unit.Notifications.CreateAsync(notification, ct);
                throw new InvalidOperationException("the work failed");
            },
            Ct));

        Assert.Equal("the work failed", thrown.Message);
        Assert.Null(await Store.Users.GetAsync(user.Id, Ct));
        StoreAssert.Same(kept, await Store.Users.GetAsync(kept.Id, Ct));
        Assert.Null(await Store.Notifications.GetAsync(notification.Id, Ct));
        Assert.Equal([webhook.Id], (await Store.Webhooks.ListAsync(tenant.App.Id, Ct)).Select(w => w.Id));
        Assert.Null(await Store.Webhooks.GetDeliveryAsync(delivery.Id, Ct));

        // The store is usable afterwards, and the same rows can be written for real.
        await Store.InTransactionAsync(
            async (unit, ct) =>
            {
                await unit.Users.CreateAsync(user, ct);
                await unit.Webhooks.CreateDeliveriesAsync([delivery], ct);
            },
            Ct);
        StoreAssert.Same(user, await Store.Users.GetAsync(user.Id, Ct));
        StoreAssert.Same(delivery, await Store.Webhooks.GetDeliveryAsync(delivery.Id, Ct));
    }

    [Fact]
    public async Task FailedCallCaughtInside_DoomsTheUnit()
    {
        var tenant = await GivenTenantAsync();
        var existing = await GivenUserAsync(tenant);
        var user = TestData.NewUser(tenant.App.Id, tenant.Environment.Id);
        var notification = TestData.NewNotification(tenant.App.Id, existing.Id);

        await Assert.ThrowsAsync<StoreException>(() => Store.InTransactionAsync(
            async (unit, ct) =>
            {
                await unit.Users.CreateAsync(user, ct);
                await StoreAssert.ConflictAsync(ConflictKind.Duplicate, () => unit.Users.CreateAsync(TestData.NewUser(tenant.App.Id, tenant.Environment.Id) with { Id = existing.Id }, ct));
                await unit.Notifications.CreateAsync(notification, ct);
            },
            Ct));

        Assert.Null(await Store.Users.GetAsync(user.Id, Ct));
        Assert.Null(await Store.Notifications.GetAsync(notification.Id, Ct));
    }

    [Fact]
    public async Task Nested_JoinsTheOuterUnit()
    {
        var tenant = await GivenTenantAsync();
        var outer = TestData.NewUser(tenant.App.Id, tenant.Environment.Id);
        var inner = TestData.NewUser(tenant.App.Id, tenant.Environment.Id);

        // The inner unit returned, but it commits only with the outer one: the outer throws, so neither stays.
        await Assert.ThrowsAsync<InvalidOperationException>(() => Store.InTransactionAsync(
            async (unit, ct) =>
            {
                await unit.Users.CreateAsync(outer, ct);
                await unit.InTransactionAsync(async (nested, nct) => await nested.Users.CreateAsync(inner, nct), ct);
                Assert.NotNull(await unit.Users.GetAsync(inner.Id, ct));
                throw new InvalidOperationException("outer failed");
            },
            Ct));
        Assert.Null(await Store.Users.GetAsync(outer.Id, Ct));
        Assert.Null(await Store.Users.GetAsync(inner.Id, Ct));

        // An inner unit that throws dooms the outer one, even when the outer catches the error.
        await Assert.ThrowsAsync<StoreException>(() => Store.InTransactionAsync(
            async (unit, ct) =>
            {
                await unit.Users.CreateAsync(outer, ct);
                await Assert.ThrowsAsync<InvalidOperationException>(() => unit.InTransactionAsync(
                    async (nested, nct) =>
                    {
                        await nested.Users.CreateAsync(inner, nct);
                        throw new InvalidOperationException("inner failed");
                    },
                    ct));
            },
            Ct));
        Assert.Null(await Store.Users.GetAsync(outer.Id, Ct));
        Assert.Null(await Store.Users.GetAsync(inner.Id, Ct));

        // Both commit together.
        await Store.InTransactionAsync(
            async (unit, ct) =>
            {
                await unit.Users.CreateAsync(outer, ct);
                await unit.InTransactionAsync(async (nested, nct) => await nested.Users.CreateAsync(inner, nct), ct);
            },
            Ct);
        Assert.NotNull(await Store.Users.GetAsync(outer.Id, Ct));
        Assert.NotNull(await Store.Users.GetAsync(inner.Id, Ct));
    }

    [Fact]
    public async Task UncommittedChanges_AreNeverSeenOutside_AndOutsideWritesWaitOrProceed()
    {
        var tenant = await GivenTenantAsync();
        var user = TestData.NewUser(tenant.App.Id, tenant.Environment.Id);
        var outsider = TestData.NewUser(tenant.App.Id, tenant.Environment.Id);
        var written = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var unitTask = Task.Run(() => Store.InTransactionAsync(
            async (unit, ct) =>
            {
                await unit.Users.CreateAsync(user, ct);
                written.SetResult();
                await release.Task.WaitAsync(ct);
                throw new InvalidOperationException("rolled back");
            },
            Ct), Ct);
        await written.Task.WaitAsync(Ct);

        // Outside the unit's flow: a read (which may wait for the unit, in memory) and a write (which waits on SQLite
        // and in memory, and goes ahead on PostgreSQL and MongoDB). Neither deadlocks, and the read never sees the user.
        var read = Task.Run(async () => await Store.Users.GetAsync(user.Id, Ct), Ct);
        var write = Task.Run(async () => await Store.Users.CreateAsync(outsider, Ct), Ct);
        release.SetResult();

        await Assert.ThrowsAsync<InvalidOperationException>(() => unitTask);
        Assert.Null(await read);
        await write;
        Assert.Null(await Store.Users.GetAsync(user.Id, Ct));
        Assert.NotNull(await Store.Users.GetAsync(outsider.Id, Ct));
    }

    [Fact]
    public async Task ConcurrentUnits_AllCommit()
    {
        var user = await GivenUserAsync();

        await StoreAssert.ConcurrentlyAsync(8, i => Store.InTransactionAsync(
            async (unit, ct) =>
            {
                await unit.Notifications.CreateAsync(TestData.NewNotification(user.AppId, user.Id) with { Type = "unit" }, ct);
                await unit.Notifications.CreateAsync(TestData.NewNotification(user.AppId, user.Id) with { Type = "unit" }, ct);
                return i;
            },
            Ct));

        Assert.Equal(16, await Store.Notifications.CountSinceAsync(user.Id, "unit", TestData.Now.AddYears(-100), Ct));
    }
}
