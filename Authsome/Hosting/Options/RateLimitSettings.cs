namespace Authsome;

/// <summary>Rate limits (<c>Authsome:RateLimits</c>): fixed windows per route and client (IPv6 by /64), stricter on the sensitive routes, plus per-account limits kept in the store.</summary>
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

    /// <summary>
    /// Limits per account (by the email given, whether or not an account has it), kept in the store so they hold
    /// across replicas. Sign-in attempts per account are the lockout's (<c>Authsome:Lockout</c>).
    /// </summary>
    public AccountRateLimits PerAccount { get; set; } = new();
}

/// <summary>Per-account limits (<c>Authsome:RateLimits:PerAccount</c>); past one, the route answers as usual but does nothing.</summary>
public sealed class AccountRateLimits
{
    /// <summary>Reset mails per account. Default 3 per hour.</summary>
    public RateLimitRule PasswordReset { get; set; } = new() { PermitLimit = 3, Window = TimeSpan.FromHours(1) };

    /// <summary>Verification mails (sign-up and resends) per account. Default 3 per 15 minutes.</summary>
    public RateLimitRule VerificationResend { get; set; } = new() { PermitLimit = 3, Window = TimeSpan.FromMinutes(15) };

    /// <summary>Verification code attempts per account, across every code sent. Default 10 per hour.</summary>
    public RateLimitRule VerificationAttempts { get; set; } = new() { PermitLimit = 10, Window = TimeSpan.FromHours(1) };
}

/// <summary>One fixed-window limit.</summary>
public sealed class RateLimitRule
{
    /// <summary>Requests allowed per window.</summary>
    public int PermitLimit { get; set; } = 10;

    /// <summary>The window. Default 1 minute.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
