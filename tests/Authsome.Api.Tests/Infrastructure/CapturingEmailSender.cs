using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Authsome.Email;

namespace Authsome.Api.Tests.Infrastructure;

/// <summary>Keeps every mail the engine sends, so tests can read tokens and codes from them.</summary>
public sealed partial class CapturingEmailSender : IEmailSender
{
    private readonly ConcurrentQueue<EmailMessage> sent = new();

    private int failures;

    public IReadOnlyCollection<EmailMessage> Sent => sent;

    /// <summary>While true, every send fails as an unreachable mail server does.</summary>
    public bool Down { get; set; }

    /// <summary>How many sends failed.</summary>
    public int Failures => Volatile.Read(ref failures);

    public Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        if (Down)
        {
            Interlocked.Increment(ref failures);
            throw new EmailDeliveryException("The test mail server is down.", new IOException("Connection refused."));
        }

        sent.Enqueue(message);
        return Task.CompletedTask;
    }

    /// <summary>Waits (mail leaves through a background queue) for the newest mail to <paramref name="to"/> whose subject contains <paramref name="subject"/>.</summary>
    public async Task<EmailMessage> WaitForAsync(string to, string subject, int skip = 0)
    {
        for (var i = 0; i < 800; i++)
        {
            var match = sent.Where(m => m.To == to && m.Subject.Contains(subject, StringComparison.Ordinal)).Skip(skip).LastOrDefault();
            if (match is not null)
            {
                return match;
            }

            await Task.Delay(25, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException($"No mail '{subject}' to {to}.");
    }

    public int Count(string to, string subject) => sent.Count(m => m.To == to && m.Subject.Contains(subject, StringComparison.Ordinal));

    public static string TokenOf(EmailMessage message) => TokenPattern().Match(message.TextBody).Groups[1].Value;

    public static string CodeOf(EmailMessage message) => CodePattern().Match(message.TextBody).Groups[1].Value;

    [GeneratedRegex(@"Your token: (\S+)")]
    private static partial Regex TokenPattern();

    [GeneratedRegex(@"code: (\d{6})")]
    private static partial Regex CodePattern();
}
