using Microsoft.Extensions.Logging;

namespace Authsome.Hosting;

/// <summary>Log messages of the local PostgreSQL provisioning, with stable event ids. Never a password.</summary>
internal static partial class LocalPostgresLog
{
    [LoggerMessage(EventId = 6101, Level = LogLevel.Information,
        Message = "Started a throw-away PostgreSQL {Version} cluster on 127.0.0.1:{Port} in {ElapsedMilliseconds} ms (data directory {DataDirectory})")]
    public static partial void ClusterStarted(this ILogger logger, string version, int port, long elapsedMilliseconds, string dataDirectory);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Warning,
        Message = "Port {Port} was taken before PostgreSQL could bind it; retrying with another port (attempt {Attempt})")]
    public static partial void PortTaken(this ILogger logger, int port, int attempt);

    [LoggerMessage(EventId = 6103, Level = LogLevel.Information, Message = "Stopped the PostgreSQL cluster on port {Port}")]
    public static partial void ClusterStopped(this ILogger logger, int port);

    [LoggerMessage(EventId = 6104, Level = LogLevel.Warning,
        Message = "pg_ctl stop -m fast failed for {DataDirectory}; stopping immediately instead. {Output}")]
    public static partial void FastStopFailed(this ILogger logger, string dataDirectory, string output);

    [LoggerMessage(EventId = 6105, Level = LogLevel.Warning, Message = "Could not delete {Directory}")]
    public static partial void DeleteFailed(this ILogger logger, string directory, Exception exception);

    [LoggerMessage(EventId = 6106, Level = LogLevel.Debug, Message = "Created database {Database} on port {Port}")]
    public static partial void DatabaseCreated(this ILogger logger, string database, int port);

    [LoggerMessage(EventId = 6107, Level = LogLevel.Information,
        Message = "Removed {Directory}, a cluster left behind by process {ProcessId} which no longer runs")]
    public static partial void StaleClusterRemoved(this ILogger logger, string directory, int processId);

    [LoggerMessage(EventId = 6108, Level = LogLevel.Debug, Message = "Could not remove the stale cluster directory {Directory}")]
    public static partial void StaleClusterRemovalFailed(this ILogger logger, string directory, Exception exception);

    [LoggerMessage(EventId = 6109, Level = LogLevel.Warning,
        Message = "Could not stop the PostgreSQL cluster in {DataDirectory}; deleting it anyway (the server shuts itself down once its lock file is gone)")]
    public static partial void StopFailed(this ILogger logger, string dataDirectory, Exception exception);
}
