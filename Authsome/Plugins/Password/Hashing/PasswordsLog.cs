using Microsoft.Extensions.Logging;

namespace Authsome.Passwords;

/// <summary>Log messages of the password components. Never a password, a hash or a salt.</summary>
internal static partial class PasswordsLog
{
    [LoggerMessage(EventId = 5100, Level = LogLevel.Debug,
        Message = "Password {Operation} refused: too many password hashes are running or waiting")]
    public static partial void HashingBusy(ILogger logger, PasswordOperation operation);

    [LoggerMessage(EventId = 5101, Level = LogLevel.Warning,
        Message = "A stored password hash could not be read (format: {Algorithm}); the password check failed")]
    public static partial void UnreadableHash(ILogger logger, string algorithm);
}
