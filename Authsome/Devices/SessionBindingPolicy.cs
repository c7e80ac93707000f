using Authsome.Sessions;
using Authsome.Store;

namespace Authsome.Devices;

/// <summary>
/// Enforces an app's <see cref="AppSessionConfig.BindToIp"/> and <see cref="AppSessionConfig.BindToDevice"/>: a session
/// bound to its address (or device) is refused when a request comes from another. The app's flags are read at most
/// every 30 seconds, so checking costs no read per request unless device binding is on (one device read).
/// </summary>
internal sealed class SessionBindingPolicy(IAuthsomeStore store, TimeProvider time)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    private volatile Cached? cached;

    public async ValueTask<bool> AllowsAsync(Session session, ClientInfo client, CancellationToken cancellationToken)
    {
        var (bindIp, bindDevice) = await GetAsync(session.AppId, cancellationToken);
        if (bindIp && session.IpAddress is { } boundIp && !string.Equals(client.IpAddress, boundIp, StringComparison.Ordinal))
        {
            return false;
        }

        if (bindDevice && session.DeviceId is { } deviceId)
        {
            var device = await store.Devices.GetAsync(deviceId, cancellationToken);
            return device is not null && string.Equals(device.Fingerprint, DeviceFingerprint.Of(client), StringComparison.Ordinal);
        }

        return true;
    }

    private async ValueTask<(bool Ip, bool Device)> GetAsync(Id<App> appId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (cached is { } hit && hit.AppId == appId && hit.Until > now)
        {
            return (hit.Ip, hit.Device);
        }

        var config = await store.AppSessionConfigs.GetAsync(appId, cancellationToken);
        var fresh = new Cached(appId, config?.BindToIp ?? false, config?.BindToDevice ?? false, now + CacheFor);
        cached = fresh;
        return (fresh.Ip, fresh.Device);
    }

    private sealed record Cached(Id<App> AppId, bool Ip, bool Device, DateTimeOffset Until);
}
