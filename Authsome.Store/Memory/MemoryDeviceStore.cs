namespace Authsome.Store.Memory;

internal sealed class MemoryDeviceStore(MemoryState state) : IDeviceStore
{
    private MemoryTable<Device> Devices => state.Devices;

    public ValueTask CreateAsync(Device device, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(device);
        return state.Run(() => Devices.Insert(device), cancellationToken);
    }

    public ValueTask<Device?> GetAsync(Id<Device> id, CancellationToken cancellationToken) =>
        state.Run(() => Devices.Get(id), cancellationToken);

    public ValueTask<Device> RecordSightingAsync(Device seen, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(seen);
        return state.Run(
            () =>
            {
                if (Devices.Find(state.DevicesByFingerprint, (seen.UserId, seen.Fingerprint)) is not { } known)
                {
                    Devices.Insert(seen);
                    return seen;
                }

                var sighted = known with { IpAddress = seen.IpAddress, LastSeenAt = seen.LastSeenAt, UpdatedAt = seen.UpdatedAt };
                Devices.Replace(sighted);
                return sighted;
            },
            cancellationToken);
    }

    public ValueTask<Device?> GetByFingerprintAsync(Id<User> userId, string fingerprint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fingerprint);
        return state.Run(() => Devices.Find(state.DevicesByFingerprint, (userId, fingerprint)), cancellationToken);
    }

    public ValueTask UpdateAsync(Device device, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(device);
        return state.Run(
            () =>
            {
                var stored = Devices.Get(device.Id) ?? throw new StoreNotFoundException(Devices.Entity);
                Devices.Replace(device with { CreatedAt = stored.CreatedAt });
            },
            cancellationToken);
    }

    public ValueTask<bool> DeleteAsync(Id<Device> id, CancellationToken cancellationToken) =>
        state.Run(() => Devices.Remove(id), cancellationToken);

    public ValueTask<IReadOnlyList<Device>> ListByUserAsync(Id<User> userId, CancellationToken cancellationToken) =>
        state.Run<IReadOnlyList<Device>>(() => [.. Devices.Where(d => d.UserId == userId)], cancellationToken);

    public ValueTask<Page<Device>> ListByAppAsync(Id<App> appId, PageRequest page, CancellationToken cancellationToken) =>
        state.Run(() => Devices.Page(d => d.AppId == appId, page), cancellationToken);
}
