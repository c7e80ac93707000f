using Authsome.Store;
using Microsoft.Extensions.Options;

namespace Authsome.Hosting;

/// <summary>Checks <see cref="AuthsomeOptions"/> at start-up; every failure names the configuration path of the bad setting.</summary>
internal sealed class AuthsomeOptionsValidator : IValidateOptions<AuthsomeOptions>
{
    private static readonly string[] Providers = ["postgres", "sqlite", "mongo", "memory"];

    public ValidateOptionsResult Validate(string? name, AuthsomeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        const string S = AuthsomeOptions.SectionName;

        if (string.IsNullOrWhiteSpace(options.BasePath) || !options.BasePath.StartsWith('/') || options.BasePath.Contains('?', StringComparison.Ordinal) || options.BasePath.Contains('#', StringComparison.Ordinal))
        {
            failures.Add($"{S}:BasePath must be a path starting with '/' (was '{options.BasePath}').");
        }

        if (options.AppId is { Length: > 0 } appId && !Id<App>.TryParse(appId, out _))
        {
            failures.Add($"{S}:AppId must be an app id such as aapp_01h455vb4pex5vsknk084sn02q.");
        }

        Range(failures, $"{S}:PurgeInterval", options.PurgeInterval, TimeSpan.FromMinutes(1), TimeSpan.FromDays(7));
        Range(failures, $"{S}:MaxRequestBodyBytes", options.MaxRequestBodyBytes, 1024, 1024 * 1024);

        if (options.Store.Provider is { Length: > 0 } provider && !Providers.Contains(provider, StringComparer.OrdinalIgnoreCase))
        {
            failures.Add($"{S}:Store:Provider must be one of {string.Join(", ", Providers)} (was '{provider}').");
        }

        var sessions = options.Sessions;
        Range(failures, $"{S}:Sessions:AccessTokenTtl", sessions.AccessTokenTtl, TimeSpan.FromMinutes(1), TimeSpan.FromDays(1));
        Range(failures, $"{S}:Sessions:RefreshTokenTtl", sessions.RefreshTokenTtl, TimeSpan.FromMinutes(5), TimeSpan.FromDays(400));
        if (sessions.RefreshTokenTtl < sessions.AccessTokenTtl)
        {
            failures.Add($"{S}:Sessions:RefreshTokenTtl must not be shorter than {S}:Sessions:AccessTokenTtl.");
        }

        Range(failures, $"{S}:Sessions:MaxActiveSessions", sessions.MaxActiveSessions, 1, 10_000);
        Range(failures, $"{S}:Sessions:AbsoluteLifetime", sessions.AbsoluteLifetime, TimeSpan.FromMinutes(1), TimeSpan.FromDays(400));
        Range(failures, $"{S}:Sessions:IdleTimeout", sessions.IdleTimeout, TimeSpan.FromMinutes(2), TimeSpan.FromDays(400));
        Range(failures, $"{S}:Sessions:ActivityWriteInterval", sessions.ActivityWriteInterval, TimeSpan.Zero, TimeSpan.FromHours(1));
        if (string.IsNullOrWhiteSpace(sessions.CookieName) || sessions.CookieName.Any(c => !char.IsAsciiLetterOrDigit(c) && c is not ('_' or '-' or '.')))
        {
            failures.Add($"{S}:Sessions:CookieName must be letters, digits, '_', '-' or '.' (was '{sessions.CookieName}').");
        }

        Range(failures, $"{S}:Verification:TokenTtl", options.Verification.TokenTtl, TimeSpan.FromMinutes(5), TimeSpan.FromDays(7));
        Range(failures, $"{S}:Verification:MaxCodeAttempts", options.Verification.MaxCodeAttempts, 1, 20);
        Link(failures, $"{S}:Verification:LinkTemplate", options.Verification.LinkTemplate);
        if (options.Verification.CodeKey is { Length: > 0 } codeKey && !IsKey(codeKey))
        {
            failures.Add($"{S}:Verification:CodeKey must be base64 of at least 32 random bytes (e.g. `openssl rand -base64 32`).");
        }

        Range(failures, $"{S}:PasswordReset:TokenTtl", options.PasswordReset.TokenTtl, TimeSpan.FromMinutes(5), TimeSpan.FromDays(1));
        Link(failures, $"{S}:PasswordReset:LinkTemplate", options.PasswordReset.LinkTemplate);

        Range(failures, $"{S}:Lockout:MaxFailedAttempts", options.Lockout.MaxFailedAttempts, 1, 100);
        Range(failures, $"{S}:Lockout:Duration", options.Lockout.Duration, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1));
        Range(failures, $"{S}:Lockout:MaxAccountAttempts", options.Lockout.MaxAccountAttempts, 1, 100_000);

        var limits = options.RateLimits;
        Rule(failures, $"{S}:RateLimits:General", limits.General);
        Rule(failures, $"{S}:RateLimits:SignIn", limits.SignIn);
        Rule(failures, $"{S}:RateLimits:SignUp", limits.SignUp);
        Rule(failures, $"{S}:RateLimits:Refresh", limits.Refresh);
        Rule(failures, $"{S}:RateLimits:PasswordReset", limits.PasswordReset);
        Rule(failures, $"{S}:RateLimits:Verification", limits.Verification);
        Rule(failures, $"{S}:RateLimits:PerAccount:PasswordReset", limits.PerAccount.PasswordReset);
        Rule(failures, $"{S}:RateLimits:PerAccount:VerificationResend", limits.PerAccount.VerificationResend);
        Rule(failures, $"{S}:RateLimits:PerAccount:VerificationAttempts", limits.PerAccount.VerificationAttempts);

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsKey(string base64)
    {
        var bytes = new byte[base64.Length];
        return Convert.TryFromBase64String(base64, bytes, out var written) && written >= 32;
    }

    private static void Range<T>(List<string> failures, string path, T value, T min, T max)
        where T : IComparable<T>
    {
        if (value.CompareTo(min) < 0 || value.CompareTo(max) > 0)
        {
            failures.Add($"{path} must be between {min} and {max} (was {value}).");
        }
    }

    private static void Rule(List<string> failures, string path, RateLimitRule? rule)
    {
        if (rule is null)
        {
            failures.Add($"{path} is missing.");
            return;
        }

        Range(failures, $"{path}:PermitLimit", rule.PermitLimit, 1, 1_000_000);
        Range(failures, $"{path}:Window", rule.Window, TimeSpan.FromSeconds(1), TimeSpan.FromHours(24));
    }

    private static void Link(List<string> failures, string path, string? template)
    {
        if (template is null)
        {
            return;
        }

        if (!template.Contains("{token}", StringComparison.Ordinal)
            || !Uri.TryCreate(template.Replace("{token}", "t", StringComparison.Ordinal), UriKind.Absolute, out var uri)
            || uri.Scheme is not ("https" or "http"))
        {
            failures.Add($"{path} must be an absolute http(s) URL containing {{token}}.");
        }
    }
}
