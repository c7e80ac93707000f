namespace Authsome.Migrator;

/// <summary>The migrator's log messages.</summary>
internal static partial class MigratorLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Applying pending migrations")]
    public static partial void Migrating(this ILogger logger);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Migrations done: {Count} applied")]
    public static partial void Migrated(this ILogger logger, int count);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "Migration failed")]
    public static partial void Failed(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "Migration cancelled before it finished")]
    public static partial void Cancelled(this ILogger logger);
}
