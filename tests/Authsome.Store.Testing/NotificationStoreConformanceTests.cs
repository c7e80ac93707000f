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

        Assert.True(await Store.Notifications.MarkSentAsync(notification.Id, at, Ct));
        Assert.False(await Store.Notifications.MarkSentAsync(notification.Id, at.AddSeconds(1), Ct));
        Assert.False(await Store.Notifications.MarkSentAsync(Id<Notification>.New(), at, Ct));

        StoreAssert.Same(notification with { Sent = true, SentAt = at }, await Store.Notifications.GetAsync(notification.Id, Ct));
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

    protected async Task<Notification> GivenNotificationAsync(User user)
    {
        var notification = TestData.NewNotification(user.AppId, user.Id);
        await Store.Notifications.CreateAsync(notification, Ct);
        return notification;
    }
}
