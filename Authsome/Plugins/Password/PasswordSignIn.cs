namespace Authsome.Plugins.Password;

/// <summary>A password sign-in by email or by username (exactly one of the two).</summary>
/// <param name="Email">The email address, or null when signing in by <paramref name="Username"/>.</param>
/// <param name="Username">The username, or null when signing in by <paramref name="Email"/>.</param>
/// <param name="Password">The password.</param>
public sealed record PasswordSignIn(string? Email, string? Username, string Password)
{
    /// <summary>Signs in by email address.</summary>
    public static PasswordSignIn WithEmail(string email, string password) => new(email, null, password);

    /// <summary>Signs in by username.</summary>
    public static PasswordSignIn WithUsername(string username, string password) => new(null, username, password);
}
