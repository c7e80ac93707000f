using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Authsome.Email;

namespace Authsome.Pages.Tests.Infrastructure;

/// <summary>Keeps the mails the engine sends, so a test can open the links in them like a user would.</summary>
public sealed partial class MailBox : IEmailSender
{
    private readonly ConcurrentQueue<EmailMessage> sent = new();

    public Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        sent.Enqueue(message);
        return Task.CompletedTask;
    }

    /// <summary>The first link in the newest mail to <paramref name="to"/> whose subject contains <paramref name="subject"/>, waiting for it (mail leaves through a queue).</summary>
    public async Task<string> LinkAsync(string to, string subject)
    {
        for (var i = 0; i < 400; i++)
        {
            if (sent.LastOrDefault(m => m.To == to && m.Subject.Contains(subject, StringComparison.OrdinalIgnoreCase)) is { } mail)
            {
                return Link().Match(mail.TextBody).Value;
            }

            await Task.Delay(25, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException($"No mail '{subject}' to {to}.");
    }

    [GeneratedRegex(@"https://\S+")]
    private static partial Regex Link();
}
