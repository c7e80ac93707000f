using Authsome.Errors;

namespace Authsome.Accounts;

/// <summary>
/// Validation and normalisation of what users type. Emails and usernames are ASCII (we do not send SMTPUTF8 mail);
/// names accept any Unicode letters but no control characters or broken surrogates. Nothing here echoes the value back.
/// </summary>
internal static class InputRules
{
    public const int MaxEmailLength = 254;
    public const int MaxNameLength = 100;
    public const int MinUsernameLength = 3;
    public const int MaxUsernameLength = 32;
    public const int MaxUrlLength = 2048;

    /// <summary>The longest password the engine hashes; longer is refused before any work (the policy may set a lower bound).</summary>
    public const int MaxPasswordLength = 1024;

    /// <summary>Trimmed, lower-cased email; throws email_invalid when it is not an address we accept.</summary>
    public static string Email(string? value, string field = "email")
    {
        var email = Required(value, field).Trim();
        if (!IsEmail(email))
        {
            throw new AuthsomeException(AuthsomeErrors.EmailInvalid, "The email address is not valid.",
                new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [field] = ["Must be a valid email address."] } });
        }

        return email.ToLowerInvariant();
    }

    /// <summary>Trimmed username (spelling kept; the store compares it case-insensitively), or null when absent.</summary>
    public static string? Username(string? value, string field = "username")
    {
        if (value is null)
        {
            return null;
        }

        var username = value.Trim();
        if (username.Length is < MinUsernameLength or > MaxUsernameLength
            || !char.IsAsciiLetterOrDigit(username[0])
            || username.Any(c => !char.IsAsciiLetterOrDigit(c) && c is not ('_' or '.' or '-')))
        {
            throw Invalid(field, $"Must be {MinUsernameLength} to {MaxUsernameLength} ASCII letters, digits, '_', '.' or '-', starting with a letter or digit.");
        }

        return username;
    }

    /// <summary>A trimmed display name; null when absent or blank.</summary>
    public static string? Name(string? value, string field = "name")
    {
        if (value is null)
        {
            return null;
        }

        var name = value.Trim();
        if (name.Length > MaxNameLength || !IsCleanText(name))
        {
            throw Invalid(field, $"Must be at most {MaxNameLength} characters, without control characters.");
        }

        return name.Length == 0 ? null : name;
    }

    /// <summary>An absolute https URL; null when absent or blank.</summary>
    public static string? ImageUrl(string? value, string field = "image")
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (value.Length > MaxUrlLength || !Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps || !IsCleanText(value))
        {
            throw Invalid(field, $"Must be an absolute https URL of at most {MaxUrlLength} characters.");
        }

        return uri.AbsoluteUri;
    }

    /// <summary>A password as given (never trimmed); throws when absent or beyond <see cref="MaxPasswordLength"/>.</summary>
    public static string Password(string? value, string field = "password")
    {
        var password = Required(value, field);
        if (password.Length > MaxPasswordLength)
        {
            throw Invalid(field, $"Must be at most {MaxPasswordLength} characters.");
        }

        return password;
    }

    /// <summary>A value that must be present and non-blank.</summary>
    public static string Required(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw Invalid(field, "Required.") : value;

    public static AuthsomeException Invalid(string field, string message) =>
        AuthsomeException.Validation(new Dictionary<string, string[]> { [field] = [message] });

    private static bool IsEmail(string email)
    {
        if (email.Length > MaxEmailLength || email.Any(c => !char.IsAscii(c) || char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            return false;
        }

        var at = email.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at != email.LastIndexOf('@') || at > 64)
        {
            return false;
        }

        var local = email.AsSpan(0, at);
        var domain = email.AsSpan(at + 1);
        if (local[0] == '.' || local[^1] == '.' || local.Contains("..", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in local)
        {
            if (!char.IsAsciiLetterOrDigit(c) && !"!#$%&'*+/=?^_`{|}~.-".Contains(c, StringComparison.Ordinal))
            {
                return false;
            }
        }

        var labels = domain.ToString().Split('.');
        return labels.Length >= 2
            && labels.All(l => l.Length is > 0 and <= 63 && l[0] != '-' && l[^1] != '-' && l.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            && !labels[^1].All(char.IsAsciiDigit);
    }

    private static bool IsCleanText(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsControl(c) || c is '\u2028' or '\u2029')
            {
                return false;
            }

            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1]))
                {
                    return false;
                }

                i++;
            }
            else if (char.IsLowSurrogate(c))
            {
                return false;
            }
        }

        return true;
    }
}
