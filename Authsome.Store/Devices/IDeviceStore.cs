namespace Authsome.Store;

/// <summary>Devices.</summary>
public interface IDeviceStore
{
    /// <summary>Stores a device. Throws <see cref="StoreConflictException"/> (Duplicate) when the user already has this fingerprint.</summary>
    ValueTask CreateAsync(Device device, CancellationToken cancellationToken);

    ValueTask<Device?> GetAsync(Id<Device> id, CancellationToken cancellationToken);

    ValueTask<Device?> GetByFingerprintAsync(Id<User> userId, string fingerprint, CancellationToken cancellationToken);

    /// <summary>Replaces a device's fields. Throws <see cref="StoreNotFoundException"/> or <see cref="StoreConflictException"/> as create.</summary>
    ValueTask UpdateAsync(Device device, CancellationToken cancellationToken);

    ValueTask<bool> DeleteAsync(Id<Device> id, CancellationToken cancellationToken);

    /// <summary>A user's devices, in id order.</summary>
    ValueTask<IReadOnlyList<Device>> ListByUserAsync(Id<User> userId, CancellationToken cancellationToken);

    /// <summary>An app's devices, in id order.</summary>
    ValueTask<Page<Device>> ListByAppAsync(Id<App> appId, PageRequest page, CancellationToken cancellationToken);
}
