using System.Diagnostics.CodeAnalysis;
using MimeKit;
using MimeKit.Utils;

namespace Authsome.Email;

/// <summary>Turns an <see cref="EmailMessage"/> into a MIME message, refusing anything that could smuggle headers.</summary>
internal static class MimeMessages
{
    public static MimeMessage Create(EmailMessage message, MailboxAddress from, DateTimeOffset date)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!TryParseSingleAddress(message.To, out var to))
        {
            throw new ArgumentException("The recipient must be one email address such as alice@example.com.", nameof(message));
        }

        if (string.IsNullOrWhiteSpace(message.Subject) || message.Subject.AsSpan().ContainsAny('\r', '\n'))
        {
            throw new ArgumentException("The subject must be one non-empty line.", nameof(message));
        }

        ArgumentNullException.ThrowIfNull(message.TextBody, nameof(message));
        var body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody };
        var mime = new MimeMessage
        {
            Subject = message.Subject,
            Date = date,
            MessageId = MimeUtils.GenerateMessageId(from.Domain),
            Body = body.ToMessageBody(),
        };
        mime.From.Add(from);
        mime.To.Add(to);
        return mime;
    }

    public static MailboxAddress From(SmtpOptions smtp) =>
        new(smtp.FromName, string.IsNullOrWhiteSpace(smtp.FromAddress) ? "authsome@localhost" : smtp.FromAddress);

    public static bool IsSingleAddress(string? value) => TryParseSingleAddress(value, out _);

    // MimeKit accepts a bare local part by default; an address we mail to must have a domain.
    private static bool TryParseSingleAddress(string? value, [NotNullWhen(true)] out MailboxAddress? address)
    {
        address = null;
        return !string.IsNullOrWhiteSpace(value)
            && MailboxAddress.TryParse(value, out address)
            && address.Address.IndexOf('@', StringComparison.Ordinal) > 0
            && !string.IsNullOrEmpty(address.Domain);
    }
}
