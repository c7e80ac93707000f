namespace Authsome.Store.Testing;

/// <summary>Conformance of <see cref="IAuthsomeStore.Notifications"/>: sending is marked once, lists page per user.</summary>
public abstract class NotificationStoreConformanceTests : StoreConformanceTests
{
    [Fact]
    public async Task Create_ThenGet()
    {
        var user = await GivenUserAsync();
        var notification = TestData.NewNotification(user.AppId, user.Id) with { Channel = NotificationChannel.Sms, Subject = null, Recipient = "+15550001111" };
        var addressOnly = TestData.NewNotification(user.AppId, null) with { Channel = NotificationChannel.Push };

        await Store.Notifications.CreateAsync(notification, Ct);
        await Store.Notifications.CreateAsync(addressOnly, Ct);

        StoreAssert.Same(notification, await Store.Notifications.GetAsync(notification.Id, Ct));
        StoreAssert.Same(addressOnly, await Store.Notifications.GetAsync(addressOnly.Id, Ct));
        Assert.Null(await Store.Notifications.GetAsync(Id<Notification>.New(), Ct));
        await StoreAssert.ConflictAsync(ConflictKind.Duplicate, () => Store.Notifications.CreateAsync(TestData.NewNotification(user.AppId, user.Id) with { Id = notification.Id }, Ct));
    }

    [Fact]
    public async Task MarkSent_SucceedsOnce()
    {
        var user = await GivenUserAsync();
        var notification = await GivenNotificationAsync(user);
        var at = TestData.Now.AddSeconds(5);

        Assert.Contains((await Store.Notifications.ClaimDueAsync(at, at.AddMinutes(1), 1000, Ct)).Select(n => n.Id), id => id == notification.Id);
        Assert.True(await Store.Notifications.MarkSentAsync(notification.Id, at, Ct));
        Assert.False(await Store.Notifications.MarkSentAsync(notification.Id, at.AddSeconds(1), Ct));
        Assert.False(await Store.Notifications.MarkSentAsync(Id<Notification>.New(), at, Ct));

        StoreAssert.Same(notification with { Sent = true, SentAt = at, Body = string.Empty }, await Store.Notifications.GetAsync(notification.Id, Ct));
    }

    [Fact]
    public async Task MarkSent_ConcurrentSenders_ExactlyOneWins()
    {
        var notification = await GivenNotificationAsync(await GivenUserAsync());

        var results = await StoreAssert.ConcurrentlyAsync(20, async i => await Store.Notifications.MarkSentAsync(notification.Id, TestData.Now.AddSeconds(i), Ct));

        Assert.Single(results, r => r);
    }

    [Fact]
    public async Task ListByUser_PagesWithoutSkippingOrRepeating_AndAnHonestTotal()
    {
        var tenant = await GivenTenantAsync();
        var user = await GivenUserAsync(tenant);
        var other = await GivenUserAsync(tenant);
        var created = new List<Id<Notification>>();
        for (var i = 0; i < 7; i++)
        {
            created.Add((await GivenNotificationAsync(user)).Id);
            await GivenNotificationAsync(other);
        }

        var first = await Store.Notifications.ListByUserAsync(user.Id, new PageRequest(null, 3), Ct);
        var second = await Store.Notifications.ListByUserAsync(user.Id, new PageRequest(first.NextCursor, 3), Ct);
        var third = await Store.Notifications.ListByUserAsync(user.Id, new PageRequest(second.NextCursor, 3), Ct);

        Assert.Equal([3, 3, 1], new[] { first.Items.Count, second.Items.Count, third.Items.Count });
        Assert.All(new[] { first, second, third }, page => Assert.Equal(7, page.Total));
        Assert.Null(third.NextCursor);
        StoreAssert.Ids(created.InIdOrder(), first.Items.Concat(second.Items).Concat(third.Items).Select(n => n.Id));
        await Assert.ThrowsAnyAsync<ArgumentException>(async () => await Store.Notifications.ListByUserAsync(user.Id, new PageRequest(user.Id.ToString(), 3), Ct));
    }

    [Fact]
    public async Task HostileStrings_RoundTripExactly()
    {
        var user = await GivenUserAsync();
        foreach (var value in HostileStrings.All)
        {
            var notification = TestData.NewNotification(user.AppId, user.Id) with { Type = value, Subject = value, Body = value, Recipient = value };
            await Store.Notifications.CreateAsync(notification, Ct);
            StoreAssert.Same(notification, await Store.Notifications.GetAsync(notification.Id, Ct));
        }
    }

    [Fact]
    public async Task Create_ThenGet_KeepsTheOutboxFields()
    {
        var user = await GivenUserAsync();
        var notification = TestData.NewNotification(user.AppId, user.Id) with
        {
            Attempts = 4,
            NextAttemptAt = TestData.Now.AddMinutes(3),
            LeaseUntil = TestData.Now.AddMinutes(1),
            FailedAt = TestData.Now.AddMinutes(2),
            Error = "smtp refused",
        };

        await Store.Notifications.CreateAsync(notification, Ct);

        StoreAssert.Same(notification, await Store.Notifications.GetAsync(notification.Id, Ct));
    }

    [Fact]
    public async Task ClaimDue_TakesOnlyUnsentUnfailedDueAndUnleased_AndLeasesThem()
    {
        var user = await GivenUserAsync();
        var now = TestData.Now.AddSeconds(10);
        var fresh = TestData.NewNotification(user.AppId, user.Id);
        var retryNow = TestData.NewNotification(user.AppId, user.Id) with { NextAttemptAt = now, Attempts = 1 };
        var retryLater = TestData.NewNotification(user.AppId, user.Id) with { NextAttemptAt = now.AddMilliseconds(1) };
        var sent = TestData.NewNotification(user.AppId, user.Id) with { Sent = true, SentAt = TestData.Now };
        var failed = TestData.NewNotification(user.AppId, user.Id) with { FailedAt = TestData.Now };
        var leased = TestData.NewNotification(user.AppId, user.Id) with { LeaseUntil = now.AddMilliseconds(1) };
        var leaseEnded = TestData.NewNotification(user.AppId, user.Id) with { LeaseUntil = now };
        foreach (var n in new[] { fresh, retryNow, retryLater, sent, failed, leased, leaseEnded })
        {
            await Store.Notifications.CreateAsync(n, Ct);
        }

        var until = now.AddMinutes(1);
        var claimed = (await Store.Notifications.ClaimDueAsync(now, until, 1000, Ct)).Where(n => n.UserId == user.Id).ToList();

        StoreAssert.Ids(new[] { fresh.Id, retryNow.Id, leaseEnded.Id }.InIdOrder(), claimed.Select(n => n.Id).InIdOrder());
        StoreAssert.Same(fresh with { LeaseUntil = until }, claimed.Single(n => n.Id == fresh.Id));
        Assert.DoesNotContain((await Store.Notifications.ClaimDueAsync(now, until, 1000, Ct)).Select(n => n.Id), id => id == fresh.Id);
    }

    [Fact]
    public async Task ClaimDue_ConcurrentSenders_NeverTakeTheSameNotification()
    {
        var user = await GivenUserAsync();
        var mine = new List<Id<Notification>>();
        for (var i = 0; i < 12; i++)
        {
            mine.Add((await GivenNotificationAsync(user)).Id);
        }

        var now = TestData.Now.AddHours(1);
        var results = await StoreAssert.ConcurrentlyAsync(8, async _ => await Store.Notifications.ClaimDueAsync(now, now.AddMinutes(5), 1000, Ct));

        var taken = results.SelectMany(r => r).Where(n => n.UserId == user.Id).Select(n => n.Id).ToList();
        Assert.Equal(taken.Count, taken.Distinct().Count());
        StoreAssert.Ids(mine.InIdOrder(), taken.InIdOrder());
    }

    [Fact]
    public async Task RecordFailure_NeedsTheHeldLease_ThenRetriesOrGivesUp()
    {
        var user = await GivenUserAsync();
        var notification = await GivenNotificationAsync(user);
        var now = TestData.Now.AddDays(2);
        var lease = now.AddMinutes(1);
        await Store.Notifications.ClaimDueAsync(now, lease, 1000, Ct);
        var retryAt = now.AddSeconds(30);

        Assert.False(await Store.Notifications.RecordFailureAsync(notification.Id, lease.AddMilliseconds(1), now, retryAt, "x", Ct));
        Assert.True(await Store.Notifications.RecordFailureAsync(notification.Id, lease, now, retryAt, "connection refused", Ct));
        StoreAssert.Same(notification with { Attempts = 1, NextAttemptAt = retryAt, Error = "connection refused" }, await Store.Notifications.GetAsync(notification.Id, Ct));

        var second = retryAt.AddMinutes(1);
        await Store.Notifications.ClaimDueAsync(retryAt, second, 1000, Ct);
        Assert.True(await Store.Notifications.RecordFailureAsync(notification.Id, second, retryAt, null, "gave up", Ct));
        StoreAssert.Same(notification with { Attempts = 2, NextAttemptAt = retryAt, FailedAt = retryAt, Error = "gave up", Body = string.Empty }, await Store.Notifications.GetAsync(notification.Id, Ct));
        Assert.DoesNotContain((await Store.Notifications.ClaimDueAsync(second.AddDays(1), second.AddDays(2), 1000, Ct)).Select(n => n.Id), id => id == notification.Id);
    }

    [Fact]
    public async Task CountSince_CountsOneUsersTypeFromTheGivenTimeOn()
    {
        var tenant = await GivenTenantAsync();
        var user = await GivenUserAsync(tenant);
        var other = await GivenUserAsync(tenant);
        foreach (var (who, type, at) in new[]
        {
            (user, "verify_email", TestData.Now.AddMinutes(-1)),
            (user, "verify_email", TestData.Now),
            (user, "verify_email", TestData.Now.AddMinutes(5)),
            (user, "password_reset", TestData.Now),
            (other, "verify_email", TestData.Now),
        })
        {
            await Store.Notifications.CreateAsync(TestData.NewNotification(tenant.App.Id, who.Id) with { Type = type, CreatedAt = at }, Ct);
        }

        Assert.Equal(2, await Store.Notifications.CountSinceAsync(user.Id, "verify_email", TestData.Now, Ct));
        Assert.Equal(3, await Store.Notifications.CountSinceAsync(user.Id, "verify_email", TestData.Now.AddHours(-1), Ct));
        Assert.Equal(0, await Store.Notifications.CountSinceAsync(user.Id, "verify_email", TestData.Now.AddMinutes(6), Ct));
        Assert.Equal(1, await Store.Notifications.CountSinceAsync(user.Id, "password_reset", TestData.Now, Ct));
    }

    protected async Task<Notification> GivenNotificationAsync(User user)
    {
        var notification = TestData.NewNotification(user.AppId, user.Id);
        await Store.Notifications.CreateAsync(notification, Ct);
        return notification;
    }
}
