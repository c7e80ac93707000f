using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Authsome.Email;

/// <summary>
/// For Development only: delivers nothing, and instead writes each message to the log (with its text body) and as
/// an <c>.eml</c> file to <see cref="AuthsomeEmailOptions.PickupDirectory"/>, where any mail client opens it.
/// Messages carry single-use links (email verification, password reset), so this sender must not run where the
/// logs or the folder are readable by anyone but the developer: start-up refuses it in Production, and warns in
/// any other environment but Development.
/// </summary>
internal sealed class DevelopmentEmailSender : IEmailSender
{
    private readonly string _directory;
    private readonly MailboxAddress _from;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    public DevelopmentEmailSender(
        IOptions<AuthsomeEmailOptions> options,
        TimeProvider timeProvider,
        ILogger<DevelopmentEmailSender> logger,
        IHostEnvironment? environment = null)
    {
        _directory = PickupDirectory(options.Value.PickupDirectory, environment);
        _from = MimeMessages.From(options.Value.Smtp);
        _timeProvider = timeProvider;
        _logger = logger;
        if (environment is not null && !environment.IsDevelopment())
        {
            EmailLog.DevelopmentSenderOutsideDevelopment(logger, environment.EnvironmentName, _directory);
        }
    }

    /// <summary>The folder the <c>.eml</c> files go to.</summary>
    internal string Directory => _directory;

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var now = _timeProvider.GetUtcNow();
        var mime = MimeMessages.Create(message, _from, now);
        CreatePrivateDirectory(_directory);

        var path = Path.Combine(_directory, $"{now:yyyyMMdd'T'HHmmssfff}-{Guid.NewGuid():N}.eml");
        var file = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Options = FileOptions.Asynchronous };
        if (!OperatingSystem.IsWindows())
        {
            file.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        var stream = new FileStream(path, file);
        await using (stream.ConfigureAwait(false))
        {
            await mime.WriteToAsync(stream, cancellationToken).ConfigureAwait(false);
        }

        EmailLog.DevelopmentMail(_logger, message.To, message.Subject, path, message.TextBody);
    }

    private static string PickupDirectory(string? configured, IHostEnvironment? environment)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured, environment?.ContentRootPath ?? Environment.CurrentDirectory);
        }

        return environment is null
            ? Path.Combine(Path.GetTempPath(), "authsome-mail")
            : Path.Combine(environment.ContentRootPath, ".data", "mail");
    }

    // Only the developer's account may read the messages' single-use links.
    private static void CreatePrivateDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            System.IO.Directory.CreateDirectory(path);
        }
        else
        {
            System.IO.Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }
}
