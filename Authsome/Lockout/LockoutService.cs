using Authsome.Messaging;
using Authsome.Store;
using Authsome.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Authsome.Lockout;

/// <summary>
/// Sign-in lockout per account and client, counted in the store. An attempt is reserved (counted) before the password
/// is checked, so parallel guesses cannot all pass a check made before any of them was counted; a success clears the
/// client's count, and is refused if the client went over the limit meanwhile. The account is named by the identifier
/// typed when it does not exist, so unknown accounts lock exactly like known ones and the answer may say what happened.
/// A stranger can only lock out their own client: the owner's client keeps its own count, and past the account-wide
/// limit clients that signed in before are still let through.
/// </summary>
internal sealed partial class LockoutService(
    IAuthsomeStore store,
    EmailOutbox outbox,
    AuthsomeMetrics metrics,
    IOptionsMonitor<AuthsomeOptions> options,
    TimeProvider time,
    ILogger<LockoutService> logger)
{
    private static readonly TimeSpan s_knownClientWindow = TimeSpan.FromDays(30);

    /// <summary>The subject an unknown identifier is counted under (lower-cased email or username).</summary>
    public static string UnknownSubject(string identifier) => "unknown:" + identifier.ToLowerInvariant();

    /// <summary>Counts an attempt by <paramref name="client"/> on <paramref name="subject"/>; says whether it may go on.</summary>
    public async ValueTask<LockoutDecision> ReserveAsync(string subject, string client, User? user, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue.Lockout;
        if (!settings.Enabled)
        {
            return LockoutDecision.Open;
        }

        var now = time.GetStoreNow();
        var byClient = await store.Counters.IncrementAsync(ClientKey(subject, client), now, settings.Duration, cancellationToken);
        if (byClient.Count > settings.MaxFailedAttempts)
        {
            if (byClient.Count == settings.MaxFailedAttempts + 1 && user is not null)
            {
                metrics.Lockout();
                LogLocked(logger, user.Id.ToString(), settings.MaxFailedAttempts, byClient.WindowEndsAt);
                await outbox.EnqueueAsync(AccountEmails.LockedOut(user.Email, byClient.WindowEndsAt), AccountEmails.Types.LockedOut, user, cancellationToken);
            }

            return LockoutDecision.Locked(byClient.WindowEndsAt, now, LockoutScope.Client);
        }

        var byAccount = await store.Counters.IncrementAsync(AccountKey(subject), now, settings.Duration, cancellationToken);
        if (byAccount.Count > settings.MaxAccountAttempts
            && await store.Counters.GetAsync(KnownKey(subject, client), now, cancellationToken) is null)
        {
            return LockoutDecision.Locked(byAccount.WindowEndsAt, now, LockoutScope.Account);
        }

        return LockoutDecision.Open;
    }

    /// <summary>Checked again once the password proved right: a lock set by parallel attempts meanwhile stands.</summary>
    public async ValueTask<LockoutDecision> RecheckAsync(string subject, string client, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue.Lockout;
        var now = time.GetStoreNow();
        return settings.Enabled
            && await store.Counters.GetAsync(ClientKey(subject, client), now, cancellationToken) is { } count
            && count.Count > settings.MaxFailedAttempts
            ? LockoutDecision.Locked(count.WindowEndsAt, now, LockoutScope.Client)
            : LockoutDecision.Open;
    }

    /// <summary>After a successful sign-in: the client's count is cleared and the client is known to the account.</summary>
    public async ValueTask SucceededAsync(string subject, string client, CancellationToken cancellationToken) =>
        await store.Counters.ResetAndIncrementAsync(ClientKey(subject, client), KnownKey(subject, client), time.GetStoreNow(), s_knownClientWindow, cancellationToken);

    /// <summary>Ends every lockout of a user (a password reset proved the mailbox).</summary>
    public async ValueTask ClearAsync(Id<User> userId, CancellationToken cancellationToken) =>
        await store.Counters.ResetAsync(AccountKey(userId.ToString()), cancellationToken);

    // The account key is a prefix of its client keys, so clearing an account clears its clients too.
    private static string AccountKey(string subject) => $"signin:{subject}";

    private static string ClientKey(string subject, string client) => $"signin:{subject}|{client}";

    private static string KnownKey(string subject, string client) => $"known:{subject}|{client}";

    [LoggerMessage(EventId = 3501, Level = LogLevel.Warning, Message = "Locked a client out of user {UserId} after {Failures} sign-in attempts, until {Until}")]
    private static partial void LogLocked(ILogger logger, string userId, int failures, DateTimeOffset until);
}

/// <summary>Who a lockout applies to.</summary>
internal enum LockoutScope
{
    /// <summary>This client, on this account.</summary>
    Client,

    /// <summary>Every client that has not signed in to the account before.</summary>
    Account,
}

/// <summary>Whether an attempt may go on; when locked, for how long and for whom.</summary>
internal readonly record struct LockoutDecision(bool IsLocked, int RetryAfterSeconds, LockoutScope Scope)
{
    public static LockoutDecision Open => default;

    public static LockoutDecision Locked(DateTimeOffset until, DateTimeOffset now, LockoutScope scope) =>
        new(true, Math.Max(1, (int)Math.Ceiling((until - now).TotalSeconds)), scope);
}
