using Authsome.Email;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Authsome.Tests.Email;

public sealed class DevelopmentEmailSenderTests
{
    private static readonly EmailMessage Reset = new(
        "alice@example.com",
        "Reset your password",
        "Open https://auth.example.com/reset?token=xyz789 to choose a new password.",
        "<p>Reset</p>");

    [Fact]
    public async Task WritesEachMessageAsEmlFileAndToTheLog()
    {
        using var folder = new TemporaryDirectory();
        var sender = Sender(new AuthsomeEmailOptions { PickupDirectory = folder.Path }, out var logger);

        await sender.SendAsync(Reset, TestContext.Current.CancellationToken);
        await sender.SendAsync(Reset with { Subject = "Second" }, TestContext.Current.CancellationToken);

        var files = Directory.GetFiles(folder.Path, "*.eml").Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(2, files.Length);
        using var saved = await MimeMessage.LoadAsync(files[0], TestContext.Current.CancellationToken);
        Assert.Equal("alice@example.com", Assert.Single(saved.To.Mailboxes).Address);
        Assert.Equal("authsome@localhost", Assert.Single(saved.From.Mailboxes).Address);
        Assert.Contains(new[] { "Reset your password", "Second" }, subject => subject == saved.Subject);
        Assert.Equal(Reset.TextBody, saved.TextBody?.TrimEnd());

        var logged = logger.Entries.Where(entry => entry.Level == LogLevel.Information).ToArray();
        Assert.Equal(2, logged.Length);
        Assert.Contains("https://auth.example.com/reset?token=xyz789", logged[0].Message, StringComparison.Ordinal);
        Assert.Contains("alice@example.com", logged[0].Message, StringComparison.Ordinal);
        Assert.Contains(folder.Path, logged[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeepsTheFilesPrivateToTheUser()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Skip("Unix file modes only");
            return;
        }

        using var folder = new TemporaryDirectory();
        var pickup = Path.Combine(folder.Path, "mail");
        var sender = Sender(new AuthsomeEmailOptions { PickupDirectory = pickup }, out _);

        await sender.SendAsync(Reset, TestContext.Current.CancellationToken);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(pickup));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Assert.Single(Directory.GetFiles(pickup))));
    }

    [Fact]
    public void DefaultsToDataMailUnderTheContentRoot()
    {
        var sender = Sender(new AuthsomeEmailOptions(), out _, new TestHostEnvironment("Development", "/srv/app"));

        Assert.Equal(Path.Combine("/srv/app", ".data", "mail"), sender.Directory);
    }

    [Fact]
    public void ResolvesARelativePickupDirectoryAgainstTheContentRoot()
    {
        var sender = Sender(new AuthsomeEmailOptions { PickupDirectory = "outbox" }, out _, new TestHostEnvironment("Development", "/srv/app"));

        Assert.Equal(Path.Combine("/srv/app", "outbox"), sender.Directory);
    }

    [Fact]
    public void DefaultsToATemporaryFolderWithoutAHost()
    {
        var sender = Sender(new AuthsomeEmailOptions(), out _);

        Assert.Equal(Path.Combine(Path.GetTempPath(), "authsome-mail"), sender.Directory);
    }

    [Theory]
    [InlineData("Staging", true)]
    [InlineData("Testing", true)]
    [InlineData("Development", false)]
    public void WarnsOutsideDevelopment(string environment, bool warns)
    {
        Sender(new AuthsomeEmailOptions(), out var logger, new TestHostEnvironment(environment, "/srv/app"));

        Assert.Equal(warns, logger.Entries.Any(entry => entry.Level == LogLevel.Warning && entry.Message.Contains(environment, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task RefusesMalformedMessagesWithoutWritingAFile()
    {
        using var folder = new TemporaryDirectory();
        var sender = Sender(new AuthsomeEmailOptions { PickupDirectory = folder.Path }, out _);

        await Assert.ThrowsAsync<ArgumentException>(() => sender.SendAsync(Reset with { To = "alice" }, TestContext.Current.CancellationToken));

        Assert.Empty(Directory.GetFiles(folder.Path));
    }

    private static DevelopmentEmailSender Sender(
        AuthsomeEmailOptions options, out CapturingLogger<DevelopmentEmailSender> logger, TestHostEnvironment? environment = null)
    {
        logger = new CapturingLogger<DevelopmentEmailSender>();
        return new DevelopmentEmailSender(Options.Create(options), TimeProvider.System, logger, environment);
    }
}
