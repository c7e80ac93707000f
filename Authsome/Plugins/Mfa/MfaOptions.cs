namespace Authsome.Plugins.Mfa;

/// <summary>The MFA plugin's settings, bound from <c>Authsome:Mfa</c> and validated at start.</summary>
public sealed class MfaOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Authsome:Mfa";

    /// <summary>The issuer authenticator apps show next to the account (default <c>Authsome</c>).</summary>
    public string Issuer { get; set; } = "Authsome";

    /// <summary>How long an MFA ticket from sign-in can be used (default 5 minutes; 1 to 15 minutes).</summary>
    public TimeSpan TicketLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Wrong codes a ticket allows before it dies (default 5; 1 to 10).</summary>
    public int TicketMaxAttempts { get; set; } = 5;

    /// <summary>Recovery codes issued at once (default 10; 5 to 20).</summary>
    public int RecoveryCodeCount { get; set; } = 10;

    /// <summary>Time steps of clock drift accepted either side of now (default 1, i.e. 30 seconds; 0 to 2).</summary>
    public int AllowedDriftSteps { get; set; } = 1;

    /// <summary>
    /// Days after a device is marked trusted during which sign-ins from it skip the second factor (default 30; 0 turns
    /// the skip off; at most 365). Only devices that send a long random <c>X-Device-Id</c> can skip (see docs/mfa.md).
    /// </summary>
    public int TrustedDeviceDays { get; set; } = 30;
}
