namespace Authsome.Email;

/// <summary>An email to send. Bodies may carry single-use links; senders must not log them outside Development.</summary>
public sealed record EmailMessage(string To, string Subject, string TextBody, string? HtmlBody = null);

/// <summary>Sends mail: the development sender writes messages to the log and a folder, the SMTP sender (MailKit) delivers them.</summary>
public interface IEmailSender
{
    /// <summary>Sends one message.</summary>
    /// <exception cref="ArgumentException">The recipient is not one email address, or the subject is empty or not one line.</exception>
    /// <exception cref="EmailDeliveryException">The mail server could not be reached or refused the message.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}
