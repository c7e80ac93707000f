namespace Authsome.Store;

/// <summary>Devices.</summary>
public interface IDeviceStore
{
    /// <summary>Stores a device. Throws <see cref="StoreConflictException"/> (Duplicate) when the user already has this fingerprint.</summary>
    ValueTask CreateAsync(Device device, CancellationToken cancellationToken);

    ValueTask<Device?> GetAsync(Id<Device> id, CancellationToken cancellationToken);

    /// <summary>
    /// A sign-in from <paramref name="seen"/>'s device, in one atomic step: stores <paramref name="seen"/> when its user
    /// has no device with its fingerprint; otherwise sets that device's <see cref="Device.IpAddress"/>,
    /// <see cref="Device.LastSeenAt"/> and <see cref="Device.UpdatedAt"/> from <paramref name="seen"/> and keeps the rest
    /// (id, name, trust, creation). Returns the device as stored. Concurrent calls for one new device store one.
    /// </summary>
    ValueTask<Device> RecordSightingAsync(Device seen, CancellationToken cancellationToken);

    ValueTask<Device?> GetByFingerprintAsync(Id<User> userId, string fingerprint, CancellationToken cancellationToken);

    /// <summary>Replaces a device's fields. Throws <see cref="StoreNotFoundException"/> or <see cref="StoreConflictException"/> as create.</summary>
    ValueTask UpdateAsync(Device device, CancellationToken cancellationToken);

    ValueTask<bool> DeleteAsync(Id<Device> id, CancellationToken cancellationToken);

    /// <summary>A user's devices, in id order.</summary>
    ValueTask<IReadOnlyList<Device>> ListByUserAsync(Id<User> userId, CancellationToken cancellationToken);

    /// <summary>An app's devices, in id order.</summary>
    ValueTask<Page<Device>> ListByAppAsync(Id<App> appId, PageRequest page, CancellationToken cancellationToken);
}
