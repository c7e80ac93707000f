using Microsoft.Extensions.Logging;

namespace Authsome.SamplePlugin.Plugin;

/// <summary>The plugin's log messages, in the event-id block of plugins in other assemblies (docs/logging.md).</summary>
internal static partial class OneTimeCodeLog
{
    [LoggerMessage(EventId = 10001, Level = LogLevel.Information, Message = "One-time code sign-in of user {UserId}")]
    public static partial void SignedIn(this ILogger logger, string userId);

    [LoggerMessage(EventId = 10002, Level = LogLevel.Information, Message = "Refused the sign-in of user {UserId}: the address is blocked")]
    public static partial void Refused(this ILogger logger, string userId);
}
