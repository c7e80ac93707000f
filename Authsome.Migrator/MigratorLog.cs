namespace Authsome.Migrator;

/// <summary>The migrator's log messages.</summary>
internal static partial class MigratorLog
{
    [LoggerMessage(EventId = 6001, Level = LogLevel.Information, Message = "Applying pending migrations")]
    public static partial void Migrating(this ILogger logger);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Information, Message = "Migrations done: {Count} applied")]
    public static partial void Migrated(this ILogger logger, int count);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Error, Message = "Migration failed")]
    public static partial void Failed(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 6004, Level = LogLevel.Warning, Message = "Migration cancelled before it finished")]
    public static partial void Cancelled(this ILogger logger);
}
