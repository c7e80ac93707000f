using Microsoft.Extensions.Logging;

namespace Authsome.Email;

/// <summary>Log messages of the mail senders. SMTP credentials never appear; message bodies only in the development sender.</summary>
internal static partial class EmailLog
{
    [LoggerMessage(EventId = 5200, Level = LogLevel.Information,
        Message = "Development mail to {To}: \"{Subject}\" (saved as {Path})\n{TextBody}")]
    public static partial void DevelopmentMail(ILogger logger, string to, string subject, string path, string textBody);

    [LoggerMessage(EventId = 5201, Level = LogLevel.Warning,
        Message = "The development mail sender is in use in the {Environment} environment: mail is not delivered, and messages with single-use links are written to the log and to {Directory}. Set Authsome:Email:Smtp:Host to deliver mail.")]
    public static partial void DevelopmentSenderOutsideDevelopment(ILogger logger, string environment, string directory);

    [LoggerMessage(EventId = 5202, Level = LogLevel.Debug,
        Message = "Mail {MessageId} handed to {Host}:{Port}")]
    public static partial void SmtpSent(ILogger logger, string? messageId, string host, int port);

    [LoggerMessage(EventId = 5203, Level = LogLevel.Error,
        Message = "Mail could not be sent through {Host}:{Port}")]
    public static partial void SmtpFailed(ILogger logger, string host, int port, Exception exception);
}
