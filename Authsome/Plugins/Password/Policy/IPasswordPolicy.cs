namespace Authsome.Passwords;

/// <summary>Why a password is refused. Each has a stable code the API returns.</summary>
public enum PasswordProblem
{
    /// <summary>Fewer characters (Unicode code points) than <c>Authsome:Password:MinLength</c> (default 8).</summary>
    TooShort,

    /// <summary>More characters (Unicode code points) than <c>Authsome:Password:MaxLength</c> (default 128).</summary>
    TooLong,

    /// <summary>On the deny list of common passwords (compared ignoring case).</summary>
    Common,

    /// <summary>The user's own email address, its local part, or the username (compared ignoring case).</summary>
    ContainsIdentity,
}

/// <summary>Decides whether a new password is acceptable (length, deny list of common passwords, not the user's own email or username).</summary>
public interface IPasswordPolicy
{
    /// <summary>The problems with the password; empty when it is acceptable.</summary>
    IReadOnlyList<PasswordProblem> Validate(string password, string? email, string? username);
}
