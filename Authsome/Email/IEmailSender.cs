namespace Authsome.Email;

/// <summary>An email to send. Bodies may carry single-use links; senders must not log them outside Development.</summary>
public sealed record EmailMessage(string To, string Subject, string TextBody, string? HtmlBody = null);

/// <summary>Sends mail: the development sender writes messages to the log and a folder, the SMTP sender (MailKit) delivers them.</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}
