using MailKit.Security;

namespace Authsome.Email;

/// <summary>
/// Mail settings, bound from the <c>Authsome:Email</c> configuration section and validated at start-up. When
/// <see cref="SmtpOptions.Host"/> is set mail goes out through SMTP; otherwise the development sender writes it to
/// the log and to <see cref="PickupDirectory"/>, which start-up refuses in the Production environment.
/// </summary>
public sealed class AuthsomeEmailOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Authsome:Email";

    /// <summary>
    /// Where the development sender writes one <c>.eml</c> file per message (<c>Authsome:Email:PickupDirectory</c>).
    /// Relative paths are under the content root. Default: <c>.data/mail</c> under the content root, or a
    /// temporary folder when there is no host.
    /// </summary>
    public string? PickupDirectory { get; set; }

    /// <summary>The SMTP server and sender address (<c>Authsome:Email:Smtp</c>).</summary>
    public SmtpOptions Smtp { get; set; } = new();
}

/// <summary>How to reach the SMTP server and whom mail is from. Secrets here are never logged.</summary>
public sealed class SmtpOptions
{
    /// <summary>The SMTP server's host name (<c>Authsome:Email:Smtp:Host</c>). Setting it selects the SMTP sender.</summary>
    public string? Host { get; set; }

    /// <summary>The server port (<c>Authsome:Email:Smtp:Port</c>). Default 587, the submission port.</summary>
    public int Port { get; set; } = 587;

    /// <summary>
    /// The TLS mode (<c>Authsome:Email:Smtp:Security</c>): <c>StartTls</c> (default; TLS is required),
    /// <c>SslOnConnect</c> (usually port 465), <c>StartTlsWhenAvailable</c>, <c>Auto</c> or <c>None</c>
    /// (a local relay only; credentials are refused with it).
    /// </summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTls;

    /// <summary>The user name to authenticate with (<c>Authsome:Email:Smtp:UserName</c>); none means no authentication.</summary>
    public string? UserName { get; set; }

    /// <summary>The password to authenticate with (<c>Authsome:Email:Smtp:Password</c>). Keep it in a secret store.</summary>
    public string? Password { get; set; }

    /// <summary>The sender's address (<c>Authsome:Email:Smtp:FromAddress</c>); required with <see cref="Host"/>.</summary>
    public string? FromAddress { get; set; }

    /// <summary>The sender's display name (<c>Authsome:Email:Smtp:FromName</c>). Default <c>Authsome</c>.</summary>
    public string FromName { get; set; } = "Authsome";

    /// <summary>How long one network operation with the server may take (<c>Authsome:Email:Smtp:Timeout</c>). Default 30 seconds.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether SMTP is configured at all.</summary>
    internal bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}
