using Authsome.Devices;
using Authsome.Sessions;
using Authsome.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Authsome.Plugins.Mfa;

/// <summary>
/// "Remember this device": a sign-in from a device the user marked trusted skips the second factor for
/// <see cref="MfaOptions.TrustedDeviceDays"/> from when it was marked. Only a device that names itself with a long
/// <c>X-Device-Id</c> qualifies: that id then works like a long-lived secret of the device, where a User-Agent
/// fingerprint could be copied by anyone. The password is always asked.
/// </summary>
internal sealed partial class MfaTrustedDevices(
    IAuthsomeStore store,
    DeviceService devices,
    IOptionsMonitor<MfaOptions> options,
    TimeProvider time,
    ILogger<MfaTrustedDevices> logger)
{
    /// <summary>The shortest <c>X-Device-Id</c> that can be trusted: 32 characters (a random 128-bit id in hex, say).</summary>
    public const int MinDeviceIdLength = 32;

    /// <summary>Whether a sign-in of <paramref name="user"/> from <paramref name="client"/> may skip the MFA challenge now.</summary>
    public async ValueTask<bool> SkipsChallengeAsync(User user, ClientInfo client, CancellationToken cancellationToken)
    {
        var days = options.CurrentValue.TrustedDeviceDays;
        if (days == 0 || !Qualifies(client))
        {
            return false;
        }

        var device = await store.Devices.GetByFingerprintAsync(user.Id, DeviceFingerprint.Of(client), cancellationToken);
        if (device is not { Trusted: true, TrustedAt: { } trustedAt } || time.GetStoreNow() >= trustedAt.AddDays(days))
        {
            return false;
        }

        LogSkipped(logger, user.Id.ToString(), device.Id.ToString());
        return true;
    }

    /// <summary>Marks the device of a session that just passed the challenge trusted; false when the client does not qualify.</summary>
    public async ValueTask<bool> TrustAsync(Session session, ClientInfo client, CancellationToken cancellationToken)
    {
        if (options.CurrentValue.TrustedDeviceDays == 0 || !Qualifies(client)
            || session.DeviceId is not { } deviceId || await store.Devices.GetAsync(deviceId, cancellationToken) is not { } device)
        {
            return false;
        }

        await devices.TrustAsync(device, true, cancellationToken);
        return true;
    }

    private static bool Qualifies(ClientInfo client) => client.DeviceId is { Length: >= MinDeviceIdLength };

    [LoggerMessage(EventId = 5304, Level = LogLevel.Information, Message = "User {UserId} skipped the MFA challenge on trusted device {DeviceId}")]
    private static partial void LogSkipped(ILogger logger, string userId, string deviceId);
}
