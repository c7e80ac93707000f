using Authsome.Passwords.DenyList;
using Microsoft.Extensions.Options;

namespace Authsome.Passwords;

/// <summary>
/// The NIST SP 800-63B policy: a length window, a deny list of common passwords, and not the user's own email or
/// username. No composition rules (they push users toward predictable patterns without adding strength).
/// Lengths count Unicode code points, so every character counts once whatever its UTF-16 size.
/// </summary>
internal sealed class PasswordPolicy : IPasswordPolicy
{
    /// <summary>The lowest minimum length the options accept.</summary>
    public const int LowestMinLength = 8;

    /// <summary>The lowest maximum length the options accept: long passphrases must fit.</summary>
    public const int LowestMaxLength = 128;

    private readonly int _minLength;
    private readonly int _maxLength;

    public PasswordPolicy(IOptions<AuthsomePasswordOptions> options)
    {
        _minLength = options.Value.MinLength;
        _maxLength = options.Value.MaxLength;
    }

    public IReadOnlyList<PasswordProblem> Validate(string password, string? email, string? username)
    {
        ArgumentNullException.ThrowIfNull(password);
        var problems = new List<PasswordProblem>(capacity: 2);

        var length = CountCodePoints(password);
        if (length < _minLength)
        {
            problems.Add(PasswordProblem.TooShort);
        }
        else if (length > _maxLength)
        {
            problems.Add(PasswordProblem.TooLong);
        }

        if (CommonPasswords.Contains(password))
        {
            problems.Add(PasswordProblem.Common);
        }

        if (IsIdentity(password, email, username))
        {
            problems.Add(PasswordProblem.ContainsIdentity);
        }

        return problems;
    }

    private static int CountCodePoints(string value)
    {
        var count = 0;
        foreach (var _ in value.EnumerateRunes())
        {
            count++;
        }

        return count;
    }

    private static bool IsIdentity(string password, string? email, string? username)
    {
        if (Same(password, username) || Same(password, email))
        {
            return true;
        }

        if (email is null)
        {
            return false;
        }

        // The local part: "alice" of "alice@example.com".
        var at = email.LastIndexOf('@');
        return at > 0 && password.AsSpan().Equals(email.AsSpan(0, at), StringComparison.OrdinalIgnoreCase);
    }

    private static bool Same(string password, string? identity) =>
        !string.IsNullOrEmpty(identity) && string.Equals(password, identity, StringComparison.OrdinalIgnoreCase);
}
