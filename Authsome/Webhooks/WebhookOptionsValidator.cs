using Authsome.Hosting;
using Microsoft.Extensions.Options;

namespace Authsome.Webhooks;

/// <summary>Checks <c>Authsome:Webhooks</c> and <c>Authsome:Mail</c> at start-up; every failure names its configuration path.</summary>
internal sealed class WebhookOptionsValidator : IValidateOptions<AuthsomeOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthsomeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        const string W = $"{AuthsomeOptions.SectionName}:Webhooks";
        const string M = $"{AuthsomeOptions.SectionName}:Mail";
        var failures = new List<string>();
        var w = options.Webhooks;
        AuthsomeOptionsValidator.Range(failures, $"{W}:AttemptTimeout", w.AttemptTimeout, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(2));
        AuthsomeOptionsValidator.Range(failures, $"{W}:PollInterval", w.PollInterval, TimeSpan.FromMilliseconds(50), TimeSpan.FromMinutes(10));
        AuthsomeOptionsValidator.Range(failures, $"{W}:MaxAttempts", w.MaxAttempts, 1, 100);
        AuthsomeOptionsValidator.Range(failures, $"{W}:InitialRetryDelay", w.InitialRetryDelay, TimeSpan.FromMilliseconds(10), TimeSpan.FromHours(1));
        AuthsomeOptionsValidator.Range(failures, $"{W}:MaxRetryDelay", w.MaxRetryDelay, w.InitialRetryDelay, TimeSpan.FromDays(1));
        AuthsomeOptionsValidator.Range(failures, $"{W}:DisableAfter", w.DisableAfter, TimeSpan.FromSeconds(1), TimeSpan.FromDays(60));
        AuthsomeOptionsValidator.Range(failures, $"{W}:ResponseBodyLimit", w.ResponseBodyLimit, 0, 64 * 1024);
        AuthsomeOptionsValidator.Range(failures, $"{W}:MaxConcurrency", w.MaxConcurrency, 1, 256);
        var m = options.Mail;
        AuthsomeOptionsValidator.Range(failures, $"{M}:MaxPerAccountPerHour", m.MaxPerAccountPerHour, 1, 1000);
        AuthsomeOptionsValidator.Range(failures, $"{M}:PollInterval", m.PollInterval, TimeSpan.FromMilliseconds(50), TimeSpan.FromMinutes(10));
        AuthsomeOptionsValidator.Range(failures, $"{M}:MaxAttempts", m.MaxAttempts, 1, 100);
        AuthsomeOptionsValidator.Range(failures, $"{M}:InitialRetryDelay", m.InitialRetryDelay, TimeSpan.FromMilliseconds(10), TimeSpan.FromHours(1));
        AuthsomeOptionsValidator.Range(failures, $"{M}:BatchSize", m.BatchSize, 1, 1000);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
