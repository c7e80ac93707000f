namespace Authsome.Passwords;

/// <summary>Why a password is refused. Each has a stable code the API returns.</summary>
public enum PasswordProblem
{
    TooShort,
    TooLong,
    Common,
    ContainsIdentity,
}

/// <summary>Decides whether a new password is acceptable (length, deny list of common passwords, not the user's own email or username).</summary>
public interface IPasswordPolicy
{
    /// <summary>The problems with the password; empty when it is acceptable.</summary>
    IReadOnlyList<PasswordProblem> Validate(string password, string? email, string? username);
}
