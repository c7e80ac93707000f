using MailKit.Security;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Authsome.Email;

/// <summary>
/// Refuses incomplete or unsafe mail settings, naming the configuration key at fault. In the Production
/// environment it also refuses a start without SMTP: the development sender would write single-use links to the
/// log and disk, and real users would never get their mail.
/// </summary>
internal sealed class EmailOptionsValidator(IHostEnvironment? environment = null) : IValidateOptions<AuthsomeEmailOptions>
{
    private const string Smtp = AuthsomeEmailOptions.SectionName + ":Smtp";

    public ValidateOptionsResult Validate(string? name, AuthsomeEmailOptions options)
    {
        if (options.Smtp is null)
        {
            return ValidateOptionsResult.Fail($"{Smtp} must not be null.");
        }

        var failures = new List<string>();
        var smtp = options.Smtp;
        var hasCredentials = !string.IsNullOrEmpty(smtp.UserName) || !string.IsNullOrEmpty(smtp.Password);

        if (!smtp.IsConfigured)
        {
            if (environment?.IsProduction() == true)
            {
                failures.Add(
                    $"{Smtp}:Host is not set. In Production mail must go through SMTP: set {Smtp}:Host and {Smtp}:FromAddress " +
                    "(the development sender would write single-use links to the log and disk instead of delivering them).");
            }

            if (hasCredentials)
            {
                failures.Add($"{Smtp}:Host must be set when {Smtp}:UserName or {Smtp}:Password is.");
            }

            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }

        if (smtp.Port is < 1 or > 65535)
        {
            failures.Add($"{Smtp}:Port must be between 1 and 65535; it is {smtp.Port}.");
        }

        if (!Enum.IsDefined(smtp.Security))
        {
            failures.Add($"{Smtp}:Security must be one of {string.Join(", ", Enum.GetNames<SecureSocketOptions>())}.");
        }

        if (string.IsNullOrWhiteSpace(smtp.FromAddress))
        {
            failures.Add($"{Smtp}:FromAddress must be set when {Smtp}:Host is.");
        }
        else if (!MimeMessages.IsSingleAddress(smtp.FromAddress))
        {
            failures.Add($"{Smtp}:FromAddress must be one email address such as auth@example.com.");
        }

        if (string.IsNullOrEmpty(smtp.UserName) != string.IsNullOrEmpty(smtp.Password))
        {
            failures.Add($"{Smtp}:UserName and {Smtp}:Password must be set together.");
        }
        else if (hasCredentials && smtp.Security == SecureSocketOptions.None)
        {
            failures.Add($"{Smtp}:Security must not be None when {Smtp}:UserName is set: the password would cross the network in clear text.");
        }

        if (smtp.Timeout <= TimeSpan.Zero || smtp.Timeout.TotalMilliseconds > int.MaxValue)
        {
            failures.Add($"{Smtp}:Timeout must be positive and under 24 days; it is {smtp.Timeout}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
