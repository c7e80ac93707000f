using System.Net;
using System.Net.Sockets;
using Authsome.Email;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Authsome.Tests.Email;

public sealed class SmtpEmailSenderTests
{
    private static readonly EmailMessage Verification = new(
        "Alice Liddell <alice@example.com>",
        "Verify your email",
        "Open https://auth.example.com/verify?token=abc123 to verify your email.",
        "<p>Open <a href=\"https://auth.example.com/verify?token=abc123\">this link</a> to verify your email.</p>");

    [Fact]
    public async Task DeliversMessageWithHeadersAndBothBodies()
    {
        await using var sink = new SmtpSink();
        var sender = Sender(sink.Port, out _);
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        await sender.SendAsync(Verification, TestContext.Current.CancellationToken);

        var mail = await sink.ReceiveAsync(TestContext.Current.CancellationToken);
        Assert.Equal("auth@example.com", mail.MailFrom);
        Assert.Equal(["alice@example.com"], mail.Recipients);
        Assert.Null(mail.AuthPlain);

        using var received = MimeMessage.Load(new MemoryStream(mail.Data), TestContext.Current.CancellationToken);
        var from = Assert.Single(received.From.Mailboxes);
        Assert.Equal(("Example Auth", "auth@example.com"), (from.Name, from.Address));
        var to = Assert.Single(received.To.Mailboxes);
        Assert.Equal(("Alice Liddell", "alice@example.com"), (to.Name, to.Address));
        Assert.Equal("Verify your email", received.Subject);
        Assert.InRange(received.Date, before, DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.EndsWith("@example.com", received.MessageId ?? string.Empty, StringComparison.Ordinal);
        Assert.Equal(Verification.TextBody, received.TextBody?.TrimEnd());
        Assert.Equal(Verification.HtmlBody, received.HtmlBody?.TrimEnd());
        Assert.Equal("multipart/alternative", received.Body?.ContentType.MimeType);
    }

    [Fact]
    public async Task DeliversTextOnlyMessageAsPlainText()
    {
        await using var sink = new SmtpSink();
        var sender = Sender(sink.Port, out _);

        await sender.SendAsync(new EmailMessage("bob@example.com", "Reset your password", "Your code: 123456"), TestContext.Current.CancellationToken);

        var mail = await sink.ReceiveAsync(TestContext.Current.CancellationToken);
        using var received = MimeMessage.Load(new MemoryStream(mail.Data), TestContext.Current.CancellationToken);
        Assert.Equal("text/plain", received.Body?.ContentType.MimeType);
        Assert.Equal("Your code: 123456", received.TextBody?.TrimEnd());
        Assert.Null(received.HtmlBody);
    }

    [Fact]
    public async Task OpensOneConnectionPerMessage()
    {
        await using var sink = new SmtpSink();
        var sender = Sender(sink.Port, out _);

        await sender.SendAsync(Verification, TestContext.Current.CancellationToken);
        await sender.SendAsync(Verification, TestContext.Current.CancellationToken);

        await sink.ReceiveAsync(TestContext.Current.CancellationToken);
        await sink.ReceiveAsync(TestContext.Current.CancellationToken);
        Assert.Equal(2, sink.Connections);
    }

    [Fact]
    public async Task AuthenticatesAndNeverLogsThePassword()
    {
        await using var sink = new SmtpSink { AcceptRecipient = address => address != "nobody@example.com" };
        // Start-up validation refuses credentials without TLS; the sink speaks plain SMTP, so the sender is built directly.
        var sender = Sender(sink.Port, out var logger, smtp =>
        {
            smtp.UserName = "mailer";
            smtp.Password = "s3cret-Pa55word";
        });

        await sender.SendAsync(Verification, TestContext.Current.CancellationToken);
        await Assert.ThrowsAsync<EmailDeliveryException>(() =>
            sender.SendAsync(Verification with { To = "nobody@example.com" }, TestContext.Current.CancellationToken));

        var mail = await sink.ReceiveAsync(TestContext.Current.CancellationToken);
        Assert.Equal("\0mailer\0s3cret-Pa55word", mail.AuthPlain);
        Assert.NotEmpty(logger.Entries);
        Assert.DoesNotContain("s3cret-Pa55word", logger.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefusedRecipientFailsWithDeliveryException()
    {
        await using var sink = new SmtpSink { AcceptRecipient = _ => false };
        var sender = Sender(sink.Port, out var logger);

        var error = await Assert.ThrowsAsync<EmailDeliveryException>(() => sender.SendAsync(Verification, TestContext.Current.CancellationToken));

        Assert.Contains($"127.0.0.1:{sink.Port}", error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.InnerException);
        Assert.Contains(logger.Entries, entry => entry.Level == Microsoft.Extensions.Logging.LogLevel.Error);
        Assert.False(sink.TryReceive(out _));
    }

    [Fact]
    public async Task UnreachableServerFailsWithDeliveryException()
    {
        var sender = Sender(ClosedPort(), out _);

        await Assert.ThrowsAsync<EmailDeliveryException>(() => sender.SendAsync(Verification, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task CancellationStopsAWaitingSend()
    {
        await using var sink = new SmtpSink { Silent = true };
        var sender = Sender(sink.Port, out _);
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cancellation.CancelAfter(TimeSpan.FromMilliseconds(200));

        // The server never greets and the client timeout is 30 s: only cancellation can end this.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sender.SendAsync(Verification, cancellation.Token));
    }

    [Theory]
    [InlineData("not-an-address", "Subject")]
    [InlineData("alice", "Subject")]
    [InlineData("alice@example.com, eve@example.com", "Subject")]
    [InlineData("alice@example.com\r\nBcc: eve@example.com", "Subject")]
    [InlineData("", "Subject")]
    [InlineData("alice@example.com", "Subject\r\nBcc: eve@example.com")]
    [InlineData("alice@example.com", "")]
    public async Task RefusesMalformedMessagesBeforeConnecting(string to, string subject)
    {
        await using var sink = new SmtpSink();
        var sender = Sender(sink.Port, out _);

        await Assert.ThrowsAsync<ArgumentException>(() => sender.SendAsync(new EmailMessage(to, subject, "body"), TestContext.Current.CancellationToken));

        Assert.Equal(0, sink.Connections);
    }

    private static SmtpEmailSender Sender(int port, out CapturingLogger<SmtpEmailSender> logger, Action<SmtpOptions>? configure = null)
    {
        var options = new AuthsomeEmailOptions
        {
            Smtp =
            {
                Host = "127.0.0.1",
                Port = port,
                Security = SecureSocketOptions.None,
                FromAddress = "auth@example.com",
                FromName = "Example Auth",
            },
        };
        configure?.Invoke(options.Smtp);
        logger = new CapturingLogger<SmtpEmailSender>();
        return new SmtpEmailSender(Options.Create(options), TimeProvider.System, logger);
    }

    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
