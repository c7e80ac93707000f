using Authsome.Sessions;
using Authsome.Store;
using Microsoft.Extensions.Logging;

namespace Authsome.Devices;

/// <summary>
/// The devices users sign in from: recorded (or refreshed) at every sign-in, listed, trusted, and removed together
/// with the sessions they hold.
/// </summary>
internal sealed partial class DeviceService(IAuthsomeStore store, TimeProvider time, ILogger<DeviceService> logger)
{
    /// <summary>The device this sign-in comes from, created on first sight, else its last-seen time and address updated.</summary>
    public async ValueTask<Device> RecordAsync(User user, ClientInfo client, CancellationToken cancellationToken)
    {
        var fingerprint = DeviceFingerprint.Of(client);
        var now = time.GetStoreNow();
        var (browser, os, type) = DeviceFingerprint.Describe(client.UserAgent);
        // One atomic step in the store: two first sign-ins from one new device store one, and a known device costs one
        // round trip rather than a read and an update.
        return await store.Devices.RecordSightingAsync(
            new Device
            {
                Id = Id<Device>.New(now),
                AppId = user.AppId,
                UserId = user.Id,
                Name = browser is null && os is null ? "Unknown device" : $"{browser ?? "Browser"} on {os ?? "unknown OS"}",
                Type = type,
                Browser = browser,
                Os = os,
                IpAddress = client.IpAddress,
                Fingerprint = fingerprint,
                LastSeenAt = now,
                CreatedAt = now,
                UpdatedAt = now,
            },
            cancellationToken);
    }

    public ValueTask<IReadOnlyList<Device>> ListAsync(Id<User> userId, CancellationToken cancellationToken) =>
        store.Devices.ListByUserAsync(userId, cancellationToken);

    /// <summary>The user's device with this id, or null (someone else's device and no device answer alike).</summary>
    public async ValueTask<Device?> FindAsync(Id<User> userId, string id, CancellationToken cancellationToken) =>
        Id<Device>.TryParse(id, out var deviceId) && await store.Devices.GetAsync(deviceId, cancellationToken) is { } device && device.UserId == userId ? device : null;

    /// <summary>Marks the device trusted (from now: <see cref="Device.TrustedAt"/>) or withdraws the trust.</summary>
    public async ValueTask<Device> TrustAsync(Device device, bool trusted, CancellationToken cancellationToken)
    {
        var now = time.GetStoreNow();
        var changed = device with { Trusted = trusted, TrustedAt = trusted ? now : null, UpdatedAt = now };
        await store.Devices.UpdateAsync(changed, cancellationToken);
        return changed;
    }

    /// <summary>
    /// Withdraws the trust of every device of the user (after a password change or reset: whoever knew the old password
    /// may have trusted a device of theirs, which would skip the second factor). Returns how many lost it.
    /// </summary>
    public async ValueTask<int> WithdrawTrustAsync(Id<User> userId, CancellationToken cancellationToken)
    {
        var withdrawn = 0;
        foreach (var device in await store.Devices.ListByUserAsync(userId, cancellationToken))
        {
            if (device.Trusted)
            {
                await TrustAsync(device, trusted: false, cancellationToken);
                withdrawn++;
            }
        }

        return withdrawn;
    }

    /// <summary>Forgets a device and ends every session signed in from it; returns how many sessions ended.</summary>
    public async ValueTask<int> RemoveAsync(Device device, SessionService sessions, CancellationToken cancellationToken)
    {
        var ended = 0;
        foreach (var session in await store.Sessions.ListByUserAsync(device.UserId, cancellationToken))
        {
            if (session.DeviceId == device.Id)
            {
                await sessions.EndAsync(session, "device_removed", cancellationToken);
                ended++;
            }
        }

        await store.Devices.DeleteAsync(device.Id, cancellationToken);
        LogRemoved(logger, device.Id.ToString(), ended);
        return ended;
    }

    [LoggerMessage(EventId = 4601, Level = LogLevel.Information, Message = "Removed device {DeviceId} and ended its {Count} sessions")]
    private static partial void LogRemoved(ILogger logger, string deviceId, int count);
}
