namespace Authsome.Plugins.MagicLink;

/// <summary>The magic-link plugin's settings (<c>Authsome:MagicLink</c>), validated at start-up.</summary>
public sealed class MagicLinkOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Authsome:MagicLink";

    /// <summary>How long a link works. Default 15 minutes.</summary>
    public TimeSpan TokenTtl { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// The link mailed, with <c>{token}</c> where the token goes (e.g. <c>https://app.example.com/magic?token={token}</c>);
    /// the page posts the token to <c>/magic-link/verify</c>. When null the mail carries the bare token.
    /// </summary>
    public string? LinkTemplate { get; set; }

    /// <summary>The most links mailed to one address per <see cref="EmailWindow"/>; requests beyond it still answer 202 but send nothing. Default 5.</summary>
    public int MaxPerEmail { get; set; } = 5;

    /// <summary>The window of <see cref="MaxPerEmail"/>. Default 1 hour.</summary>
    public TimeSpan EmailWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Requests to <c>/magic-link</c> and <c>/magic-link/verify</c> per client IP and window. Default 5 per minute.</summary>
    public RateLimitRule RateLimit { get; set; } = new() { PermitLimit = 5 };

    /// <summary>
    /// Absolute URIs a client may name as <c>redirect_uri</c> (exact match); the verify answer hands the chosen one back so
    /// the page knows where to go. Empty: no <c>redirect_uri</c> is accepted.
    /// </summary>
    public IList<string> AllowedRedirectUris { get; } = [];
}
