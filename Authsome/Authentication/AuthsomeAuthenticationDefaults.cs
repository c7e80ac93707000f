namespace Authsome.Authentication;

/// <summary>Names used by the Authsome authentication scheme.</summary>
public static class AuthsomeAuthenticationDefaults
{
    /// <summary>The scheme name: <c>Authsome</c>.</summary>
    public const string AuthenticationScheme = "Authsome";
}
