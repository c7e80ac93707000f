namespace Authsome.Store.Testing;

/// <summary>Conformance of <see cref="IAuthsomeStore.Devices"/>: one fingerprint per user, lists by user and by app.</summary>
public abstract class DeviceStoreConformanceTests : StoreConformanceTests
{
    [Fact]
    public async Task Create_ThenGetByIdAndFingerprint()
    {
        var user = await GivenUserAsync();
        var device = TestData.NewDevice(user) with { Trusted = true, TrustedAt = TestData.Now.AddHours(1) };

        await Store.Devices.CreateAsync(device, Ct);

        StoreAssert.Same(device, await Store.Devices.GetAsync(device.Id, Ct));
        StoreAssert.Same(device, await Store.Devices.GetByFingerprintAsync(user.Id, device.Fingerprint, Ct));
        Assert.Null(await Store.Devices.GetAsync(Id<Device>.New(), Ct));
        Assert.Null(await Store.Devices.GetByFingerprintAsync(Id<User>.New(), device.Fingerprint, Ct));
        Assert.Null(await Store.Devices.GetByFingerprintAsync(user.Id, device.Fingerprint.ToUpperInvariant(), Ct));
    }

    [Fact]
    public async Task Create_ThrowsDuplicate_ForTheIdOrTheUsersFingerprint_ButNotAnotherUsers()
    {
        var tenant = await GivenTenantAsync();
        var user = await GivenUserAsync(tenant);
        var other = await GivenUserAsync(tenant);
        var device = await GivenDeviceAsync(user);

        await StoreAssert.ConflictAsync(ConflictKind.Duplicate, () => Store.Devices.CreateAsync(TestData.NewDevice(user) with { Id = device.Id }, Ct));
        await StoreAssert.ConflictAsync(ConflictKind.Duplicate, () => Store.Devices.CreateAsync(TestData.NewDevice(user) with { Fingerprint = device.Fingerprint }, Ct));

        var othersDevice = TestData.NewDevice(other) with { Fingerprint = device.Fingerprint };
        await Store.Devices.CreateAsync(othersDevice, Ct);
        StoreAssert.Same(othersDevice, await Store.Devices.GetByFingerprintAsync(other.Id, device.Fingerprint, Ct));
    }

    [Fact]
    public async Task RecordSighting_StoresANewDevice_ThenChangesOnlyTheSightingOfTheKnownOne()
    {
        var tenant = await GivenTenantAsync();
        var user = await GivenUserAsync(tenant);
        var other = await GivenUserAsync(tenant);
        var first = TestData.NewDevice(user);

        StoreAssert.Same(first, await Store.Devices.RecordSightingAsync(first, Ct));
        StoreAssert.Same(first, await Store.Devices.GetAsync(first.Id, Ct));

        var trusted = first with { Trusted = true, TrustedAt = TestData.Now.AddHours(1) };
        await Store.Devices.UpdateAsync(trusted, Ct);
        var later = TestData.NewDevice(user) with
        {
            Fingerprint = first.Fingerprint,
            Name = "Another name",
            IpAddress = "198.51.100.7",
            LastSeenAt = TestData.Now.AddDays(3),
            CreatedAt = TestData.Now.AddDays(3),
            UpdatedAt = TestData.Now.AddDays(3),
        };
        var expected = trusted with { IpAddress = later.IpAddress, LastSeenAt = later.LastSeenAt, UpdatedAt = later.UpdatedAt };

        StoreAssert.Same(expected, await Store.Devices.RecordSightingAsync(later, Ct));
        StoreAssert.Same(expected, await Store.Devices.GetAsync(first.Id, Ct));
        Assert.Null(await Store.Devices.GetAsync(later.Id, Ct));

        // Another user's device with the same fingerprint is another device.
        var others = TestData.NewDevice(other) with { Fingerprint = first.Fingerprint };
        StoreAssert.Same(others, await Store.Devices.RecordSightingAsync(others, Ct));
        Assert.Single(await Store.Devices.ListByUserAsync(user.Id, Ct));
    }

    [Fact]
    public async Task RecordSighting_ConcurrentFirstSightingsOfOneDevice_StoreOne()
    {
        var user = await GivenUserAsync();
        var fingerprint = TestData.Unique("fp-");

        var recorded = await Task.WhenAll(Enumerable.Range(0, 8).Select(
            _ => Store.Devices.RecordSightingAsync(TestData.NewDevice(user) with { Fingerprint = fingerprint }, Ct).AsTask()));

        var stored = Assert.Single(await Store.Devices.ListByUserAsync(user.Id, Ct));
        Assert.All(recorded, device => Assert.Equal(stored.Id, device.Id));
    }

    [Fact]
    public async Task Update_ReplacesFields_OrThrows()
    {
        var user = await GivenUserAsync();
        var taken = await GivenDeviceAsync(user);
        var device = await GivenDeviceAsync(user);
        var changed = device with { Name = "Phone", Trusted = true, TrustedAt = TestData.Now.AddDays(1), Fingerprint = TestData.Unique("fp-"), LastSeenAt = TestData.Now.AddDays(2), UpdatedAt = TestData.Now.AddDays(2) };

        await Store.Devices.UpdateAsync(changed, Ct);

        StoreAssert.Same(changed, await Store.Devices.GetByFingerprintAsync(user.Id, changed.Fingerprint, Ct));
        Assert.Null(await Store.Devices.GetByFingerprintAsync(user.Id, device.Fingerprint, Ct));
        await StoreAssert.ConflictAsync(ConflictKind.Duplicate, () => Store.Devices.UpdateAsync(changed with { Fingerprint = taken.Fingerprint }, Ct));
        await StoreAssert.NotFoundAsync(() => Store.Devices.UpdateAsync(TestData.NewDevice(user), Ct));
        StoreAssert.Same(changed, await Store.Devices.GetAsync(device.Id, Ct));

        // Trust withdrawn: the time goes too.
        var untrusted = changed with { Trusted = false, TrustedAt = null };
        await Store.Devices.UpdateAsync(untrusted, Ct);
        StoreAssert.Same(untrusted, await Store.Devices.GetAsync(device.Id, Ct));
    }

    [Fact]
    public async Task Delete_ReturnsFalse_TheSecondTime()
    {
        var device = await GivenDeviceAsync(await GivenUserAsync());

        Assert.True(await Store.Devices.DeleteAsync(device.Id, Ct));
        Assert.False(await Store.Devices.DeleteAsync(device.Id, Ct));
        Assert.Null(await Store.Devices.GetByFingerprintAsync(device.UserId, device.Fingerprint, Ct));
    }

    [Fact]
    public async Task ListByUser_ReturnsTheUsersDevices_InIdOrder()
    {
        var tenant = await GivenTenantAsync();
        var user = await GivenUserAsync(tenant);
        var other = await GivenUserAsync(tenant);
        var mine = new List<Id<Device>>();
        for (var i = 0; i < 4; i++)
        {
            mine.Add((await GivenDeviceAsync(user)).Id);
            await GivenDeviceAsync(other);
        }

        StoreAssert.Ids(mine.InIdOrder(), (await Store.Devices.ListByUserAsync(user.Id, Ct)).Select(d => d.Id));
    }

    [Fact]
    public async Task ListByApp_PagesWithoutSkippingOrRepeating_AndAnHonestTotal()
    {
        var tenant = await GivenTenantAsync();
        var created = new List<Id<Device>>();
        for (var i = 0; i < 7; i++)
        {
            created.Add((await GivenDeviceAsync(await GivenUserAsync(tenant))).Id);
        }

        await GivenDeviceAsync(await GivenUserAsync());

        var first = await Store.Devices.ListByAppAsync(tenant.App.Id, new PageRequest(null, 3), Ct);
        var second = await Store.Devices.ListByAppAsync(tenant.App.Id, new PageRequest(first.NextCursor, 3), Ct);
        var third = await Store.Devices.ListByAppAsync(tenant.App.Id, new PageRequest(second.NextCursor, 3), Ct);

        Assert.Equal([3, 3, 1], new[] { first.Items.Count, second.Items.Count, third.Items.Count });
        Assert.All(new[] { first, second, third }, page => Assert.Equal(7, page.Total));
        Assert.Null(third.NextCursor);
        StoreAssert.Ids(created.InIdOrder(), first.Items.Concat(second.Items).Concat(third.Items).Select(d => d.Id));
        await Assert.ThrowsAnyAsync<ArgumentException>(async () => await Store.Devices.ListByAppAsync(tenant.App.Id, new PageRequest("adev_", 3), Ct));
    }

    [Fact]
    public async Task HostileStrings_RoundTripExactly()
    {
        var user = await GivenUserAsync();
        foreach (var value in HostileStrings.Short)
        {
            var device = TestData.NewDevice(user) with { Name = HostileStrings.VeryLong, Browser = value, Os = value, Fingerprint = value };
            await Store.Devices.CreateAsync(device, Ct);
            StoreAssert.Same(device, await Store.Devices.GetByFingerprintAsync(user.Id, value, Ct));
        }
    }

    protected async Task<Device> GivenDeviceAsync(User user)
    {
        var device = TestData.NewDevice(user);
        await Store.Devices.CreateAsync(device, Ct);
        return device;
    }
}
