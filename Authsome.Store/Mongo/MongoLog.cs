using Microsoft.Extensions.Logging;

namespace Authsome.Store.Mongo;

/// <summary>The MongoDB backend's log messages (event ids 2000-2099). None of them carries a stored value.</summary>
internal static partial class MongoLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "The MongoDB server is standalone, so multi-document operations run without transactions; they are ordered so that a re-run completes an interrupted one")]
    public static partial void TransactionsUnsupported(ILogger logger);

    [LoggerMessage(EventId = 2010, Level = LogLevel.Information, Message = "Waiting for the migration lock held by {Owner} (lease until {ExpiresAt:O})")]
    public static partial void WaitingForLock(ILogger logger, string owner, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 2011, Level = LogLevel.Warning, Message = "Took over the migration lock from {Owner}, whose lease expired at {ExpiresAt:O} (it crashed or stalled)")]
    public static partial void TookOverStaleLock(ILogger logger, string owner, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 2012, Level = LogLevel.Error, Message = "Lost the migration lock (another migrator took it over after the lease could not be renewed); stopping this run")]
    public static partial void LostLock(ILogger logger);

    [LoggerMessage(EventId = 2013, Level = LogLevel.Warning, Message = "Could not renew the migration lock's lease; retrying")]
    public static partial void LeaseRenewalFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2020, Level = LogLevel.Warning, Message = "Migration {Group} {Version} failed; removing the {Count} collections and indexes it had created")]
    public static partial void RollingBack(ILogger logger, string group, long version, int count);
}
