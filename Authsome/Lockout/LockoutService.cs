using Authsome.Messaging;
using Authsome.Store;
using Authsome.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Authsome.Lockout;

/// <summary>
/// Per-account lockout after consecutive failed password checks. Bounded: a lockout always ends after
/// <c>Authsome:Lockout:Duration</c>, and a password reset (proof of the mailbox) ends it at once, so an attacker can
/// slow a victim's password sign-in but never lock the owner out of the account. By default a locked account answers
/// exactly like a wrong password (see <see cref="LockoutSettings.RevealLockout"/>).
/// </summary>
internal sealed partial class LockoutService(
    IAuthsomeStore store,
    EmailOutbox outbox,
    AuthsomeMetrics metrics,
    IOptionsMonitor<AuthsomeOptions> options,
    TimeProvider time,
    ILogger<LockoutService> logger)
{
    /// <summary>Counts a failed password check; locks the account when it reaches the limit.</summary>
    public async ValueTask RecordFailureAsync(User user, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue.Lockout;
        if (!settings.Enabled)
        {
            return;
        }

        var failures = await store.Users.RecordFailedSignInAsync(user.Id, cancellationToken);
        if (failures < settings.MaxFailedAttempts)
        {
            return;
        }

        var until = time.GetStoreNow() + settings.Duration;
        if (await store.Users.SetLockoutAsync(user.Id, until, cancellationToken))
        {
            metrics.Lockout();
            LogLocked(logger, user.Id.ToString(), failures, until);
            outbox.Enqueue(AccountEmails.LockedOut(user.Email, until));
        }
    }

    /// <summary>Clears the failure count and any lockout after a successful sign-in or a password reset.</summary>
    public async ValueTask ResetAsync(User user, CancellationToken cancellationToken)
    {
        if (user.FailedSignInCount > 0 || user.LockedUntil is not null)
        {
            await store.Users.SetLockoutAsync(user.Id, null, cancellationToken);
        }
    }

    [LoggerMessage(EventId = 3501, Level = LogLevel.Warning, Message = "Locked user {UserId} after {Failures} failed sign-ins, until {Until}")]
    private static partial void LogLocked(ILogger logger, string userId, int failures, DateTimeOffset until);
}
