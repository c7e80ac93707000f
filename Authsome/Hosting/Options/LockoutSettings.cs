namespace Authsome;

/// <summary>Account lockout settings (<c>Authsome:Lockout</c>).</summary>
public sealed class LockoutSettings
{
    /// <summary>Lock accounts after repeated failed sign-ins. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Consecutive failed sign-ins that lock the account. Default 5.</summary>
    public int MaxFailedAttempts { get; set; } = 5;

    /// <summary>How long a lockout lasts; it always ends by itself, and a password reset ends it at once. Default 15 minutes.</summary>
    public TimeSpan Duration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Answer <c>account_locked</c> (423) while an account is locked. Default false: a locked account answers exactly
    /// like a wrong password, so lockouts reveal nothing about which accounts exist.
    /// </summary>
    public bool RevealLockout { get; set; }
}
