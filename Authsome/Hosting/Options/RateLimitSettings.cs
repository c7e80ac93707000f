namespace Authsome;

/// <summary>Rate limits (<c>Authsome:RateLimits</c>): fixed windows per route and client IP, stricter on the sensitive routes.</summary>
public sealed class RateLimitSettings
{
    /// <summary>Apply rate limits. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Every route not listed below, per route and client. Default 100 per minute.</summary>
    public RateLimitRule General { get; set; } = new() { PermitLimit = 100 };

    /// <summary>POST /signin. Default 5 per minute.</summary>
    public RateLimitRule SignIn { get; set; } = new() { PermitLimit = 5 };

    /// <summary>POST /signup. Default 3 per minute.</summary>
    public RateLimitRule SignUp { get; set; } = new() { PermitLimit = 3 };

    /// <summary>POST /refresh. Default 10 per minute.</summary>
    public RateLimitRule Refresh { get; set; } = new() { PermitLimit = 10 };

    /// <summary>POST /forgot-password and /reset-password. Default 3 per minute.</summary>
    public RateLimitRule PasswordReset { get; set; } = new() { PermitLimit = 3 };

    /// <summary>POST /verify-email and /verify-email/resend. Default 5 per minute.</summary>
    public RateLimitRule Verification { get; set; } = new() { PermitLimit = 5 };
}

/// <summary>One fixed-window limit.</summary>
public sealed class RateLimitRule
{
    /// <summary>Requests allowed per window.</summary>
    public int PermitLimit { get; set; } = 10;

    /// <summary>The window. Default 1 minute.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
