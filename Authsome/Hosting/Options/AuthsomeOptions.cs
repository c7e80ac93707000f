namespace Authsome;

/// <summary>
/// The engine's settings, bound from the <c>Authsome</c> configuration section and validated at start-up
/// (a bad value fails the start with a message naming its configuration path). Defaults are safe for production.
/// </summary>
public sealed class AuthsomeOptions
{
    /// <summary>The configuration section the options bind from.</summary>
    public const string SectionName = "Authsome";

    /// <summary>Where <c>MapAuthsome()</c> maps the routes. Default <c>/v1/auth</c>.</summary>
    public string BasePath { get; set; } = "/v1/auth";

    /// <summary>Apply core and plugin migrations when the host starts. Default true; turn off when a separate migrator runs them.</summary>
    public bool MigrateOnStart { get; set; } = true;

    /// <summary>
    /// The id of the app whose users this engine serves. Default: the platform app, created on first start. Set it to
    /// serve another app that already exists in the store.
    /// </summary>
    public string? AppId { get; set; }

    /// <summary>The largest JSON request body accepted, in bytes. Default 16 KiB.</summary>
    public int MaxRequestBodyBytes { get; set; } = 16 * 1024;

    /// <summary>How often expired sessions, tokens, verifications and resets are deleted. Default 1 hour.</summary>
    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Which store backend <c>UseStoreFromConfiguration()</c> picks, overriding what the connection string implies.</summary>
    public StoreSettings Store { get; set; } = new();

    /// <summary>Session tokens: lifetimes, rotation, limits, cookie.</summary>
    public SessionSettings Sessions { get; set; } = new();

    /// <summary>Sign-up.</summary>
    public SignUpSettings SignUp { get; set; } = new();

    /// <summary>Sign-in.</summary>
    public SignInSettings SignIn { get; set; } = new();

    /// <summary>Email verification tokens and codes.</summary>
    public VerificationSettings Verification { get; set; } = new();

    /// <summary>Password reset tokens.</summary>
    public PasswordResetSettings PasswordReset { get; set; } = new();

    /// <summary>Account lockout after failed sign-ins.</summary>
    public LockoutSettings Lockout { get; set; } = new();

    /// <summary>Per-route, per-client rate limits.</summary>
    public RateLimitSettings RateLimits { get; set; } = new();

    /// <summary>API keys: roll grace period, last-used precision, limits.</summary>
    public ApiKeySettings ApiKeys { get; set; } = new();

    /// <summary>Webhook delivery: timeouts, retries, network rules.</summary>
    public WebhookSettings Webhooks { get; set; } = new();

    /// <summary>The durable mail outbox: per-account caps, retries.</summary>
    public MailSettings Mail { get; set; } = new();
}
