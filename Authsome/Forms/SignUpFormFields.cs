using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using Authsome.Accounts;
using Authsome.Errors;
using Authsome.Store;

namespace Authsome.Forms;

/// <summary>
/// The app's extra sign-up fields (its active <c>signup</c> form config): validates what the client sent against each
/// field's rules and returns the values to keep in the user's metadata. Every failing field is reported at once, as a
/// validation_failed problem naming the field (<c>fields.KEY</c>); a value is never echoed back.
/// </summary>
internal static class SignUpFormFields
{
    /// <summary>The form type of the sign-up form's config.</summary>
    public const string FormType = "signup";

    /// <summary>Upper bound of a value when the field sets none.</summary>
    public const int DefaultMaxLength = 500;

    private static readonly TimeSpan PatternTimeout = TimeSpan.FromMilliseconds(100);

    /// <summary>The fields to show, in order; none when the app has no active sign-up form config.</summary>
    public static ImmutableArray<FormField> Visible(FormConfig? config) =>
        config is { Active: true } ? [.. config.Fields.OrderBy(f => f.Order).ThenBy(f => f.Key, StringComparer.Ordinal)] : [];

    /// <summary>Validates <paramref name="values"/> against <paramref name="config"/>; returns the metadata to store.</summary>
    public static ImmutableDictionary<string, string> Validate(FormConfig? config, IReadOnlyDictionary<string, string?>? values)
    {
        var fields = Visible(config);
        values ??= new Dictionary<string, string?>();
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var key in values.Keys.Where(k => !fields.Any(f => f.Key == k)))
        {
            errors[Name(key.Length > 64 ? key[..64] : key)] = ["Not a field of this form."];
        }

        var metadata = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            var value = values.GetValueOrDefault(field.Key)?.Trim();
            if (Check(field, value) is { } problem)
            {
                errors[Name(field.Key)] = [problem];
            }
            else if (!string.IsNullOrEmpty(value))
            {
                metadata[field.Key] = value;
            }
        }

        return errors.Count > 0 ? throw AuthsomeException.Validation(errors) : metadata.ToImmutable();
    }

    /// <summary>The name a field's errors are reported under.</summary>
    public static string Name(string key) => "fields." + key;

    private static string? Check(FormField field, string? value)
    {
        var rules = field.Validation ?? new FormFieldValidation();
        var isCheckbox = field.Type == "checkbox";
        if (string.IsNullOrEmpty(value) || (isCheckbox && value != "true"))
        {
            return rules.Required ? "Required." : null;
        }

        var max = rules.MaxLength ?? DefaultMaxLength;
        if (value.Length > max)
        {
            return $"Must be at most {max} characters.";
        }

        if (rules.MinLength is { } min && value.Length < min)
        {
            return $"Must be at least {min} characters.";
        }

        if (value.Any(char.IsControl))
        {
            return "Must not contain control characters.";
        }

        if (field.Type == "email")
        {
            try
            {
                InputRules.Email(value);
            }
            catch (AuthsomeException)
            {
                return "Must be a valid email address.";
            }
        }

        if (field.Type == "number" || rules.Min is not null || rules.Max is not null)
        {
            if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number))
            {
                return "Must be a number.";
            }

            if (number < rules.Min || number > rules.Max)
            {
                return $"Must be between {Bound(rules.Min, "-∞")} and {Bound(rules.Max, "∞")}.";
            }
        }

        if (rules.Pattern is { Length: > 0 } pattern)
        {
            try
            {
                if (!Regex.IsMatch(value, $"^(?:{pattern})$", RegexOptions.CultureInvariant, PatternTimeout))
                {
                    return "Does not have the expected format.";
                }
            }
            catch (RegexMatchTimeoutException)
            {
                return "Does not have the expected format.";
            }
        }

        return null;
    }

    private static string Bound(double? value, string none) => value?.ToString(CultureInfo.InvariantCulture) ?? none;
}
