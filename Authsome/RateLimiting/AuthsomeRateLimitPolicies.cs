namespace Authsome.RateLimiting;

/// <summary>The rate-limit policy names the engine's routes use.</summary>
public static class AuthsomeRateLimitPolicies
{
    /// <summary>Every route without a stricter policy, partitioned per route and client.</summary>
    public const string General = "authsome.general";

    public const string SignIn = "authsome.sign_in";
    public const string SignUp = "authsome.sign_up";
    public const string Refresh = "authsome.refresh";
    public const string PasswordReset = "authsome.password_reset";
    public const string Verification = "authsome.verification";
}
