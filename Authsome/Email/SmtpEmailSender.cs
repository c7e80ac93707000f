using MailKit.Net.Smtp;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Authsome.Email;

/// <summary>
/// Delivers mail through an SMTP server with MailKit. Each message opens its own connection (connect, TLS as
/// configured, authenticate, send, quit): auth mail is rare enough that pooling connections would only add
/// state to get wrong. Failures surface as <see cref="EmailDeliveryException"/>; cancellation as
/// <see cref="OperationCanceledException"/>.
/// </summary>
internal sealed class SmtpEmailSender : IEmailSender
{
    private readonly SmtpOptions _smtp;
    private readonly string _host;
    private readonly MailboxAddress _from;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    public SmtpEmailSender(IOptions<AuthsomeEmailOptions> options, TimeProvider timeProvider, ILogger<SmtpEmailSender> logger)
    {
        _smtp = options.Value.Smtp;
        _host = _smtp.Host ?? throw new InvalidOperationException($"{AuthsomeEmailOptions.SectionName}:Smtp:Host is not set.");
        _from = MimeMessages.From(_smtp);
        _timeProvider = timeProvider;
        _logger = logger;
    }

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var mime = MimeMessages.Create(message, _from, _timeProvider.GetUtcNow());
        using var client = new SmtpClient { Timeout = (int)_smtp.Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(_host, _smtp.Port, _smtp.Security, cancellationToken).ConfigureAwait(false);
            if (!string.IsNullOrEmpty(_smtp.UserName))
            {
                await client.AuthenticateAsync(_smtp.UserName, _smtp.Password ?? string.Empty, cancellationToken).ConfigureAwait(false);
            }

            await client.SendAsync(mime, cancellationToken).ConfigureAwait(false);
            await client.DisconnectAsync(quit: true, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            EmailLog.SmtpFailed(_logger, _host, _smtp.Port, ex);
            throw new EmailDeliveryException($"Mail could not be sent through {_host}:{_smtp.Port}.", ex);
        }

        EmailLog.SmtpSent(_logger, mime.MessageId, _host, _smtp.Port);
    }
}
