using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Authsome.Admin;
using Authsome.Errors;
using Authsome.Store;

namespace Authsome.Forms;

/// <summary>
/// What an administrator may put in a form config: every rule <see cref="SignUpFormFields"/> later applies must be
/// one it can apply (a pattern that compiles, bounds in order, a type the pages render), so a bad config is refused
/// when it is written instead of failing every sign-up after it. All problems are reported at once, per field.
/// </summary>
internal static partial class FormConfigRules
{
    public const int MaxFields = 30;
    public const int MaxLabelLength = 100;
    public const int MaxPatternLength = 500;

    /// <summary>The form types the engine reads.</summary>
    public static readonly ImmutableArray<string> FormTypes = [SignUpFormFields.FormType];

    /// <summary>The field types the sign-up form renders as inputs of that type.</summary>
    public static readonly ImmutableArray<string> FieldTypes = ["text", "email", "number", "checkbox", "tel", "url", "date"];

    /// <summary>The form type, when the engine reads it; otherwise a validation problem.</summary>
    public static string FormType(string formType) =>
        FormTypes.Contains(formType) ? formType : throw AuthsomeException.Validation(new Dictionary<string, string[]>
        {
            ["form_type"] = [$"Must be one of: {string.Join(", ", FormTypes)}."],
        });

    /// <summary>The fields, checked and in their stored shape (keys and types as given, text trimmed).</summary>
    public static ImmutableArray<FormField> Fields(IReadOnlyList<FormFieldBody?>? fields)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        fields ??= [];
        if (fields.Count > MaxFields)
        {
            errors["fields"] = [$"At most {MaxFields} fields."];
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Math.Min(fields.Count, MaxFields); i++)
        {
            var at = $"fields[{i}]";
            if (fields[i] is not { } field)
            {
                errors[at] = ["Required."];
                continue;
            }

            if (field.Key is null || !KeyShape().IsMatch(field.Key))
            {
                errors[at + ".key"] = ["Must be 1 to 40 lowercase letters, digits or '_', starting with a letter."];
            }
            else if (!seen.Add(field.Key))
            {
                errors[at + ".key"] = ["Another field has this key."];
            }

            if (string.IsNullOrWhiteSpace(field.Label) || field.Label.Length > MaxLabelLength || field.Label.Any(char.IsControl))
            {
                errors[at + ".label"] = [$"Required, at most {MaxLabelLength} characters, without control characters."];
            }

            if (field.Type is null || !FieldTypes.Contains(field.Type))
            {
                errors[at + ".type"] = [$"Must be one of: {string.Join(", ", FieldTypes)}."];
            }

            if (field.Validation is { } rules)
            {
                CheckRules(errors, at + ".validation", rules);
            }
        }

        if (errors.Count > 0)
        {
            throw AuthsomeException.Validation(errors);
        }

        return [.. fields.Select(f => new FormField { Key = f!.Key!, Label = f.Label!.Trim(), Type = f.Type!, Order = f.Order ?? 0, Validation = f.Validation })];
    }

    private static void CheckRules(Dictionary<string, string[]> errors, string at, FormFieldValidation rules)
    {
        if (rules.MinLength is < 0 || rules.MinLength > SignUpFormFields.DefaultMaxLength)
        {
            errors[at + ".min_length"] = [$"Must be between 0 and {SignUpFormFields.DefaultMaxLength}."];
        }

        if (rules.MaxLength is < 1 || rules.MaxLength > SignUpFormFields.DefaultMaxLength)
        {
            errors[at + ".max_length"] = [$"Must be between 1 and {SignUpFormFields.DefaultMaxLength}."];
        }
        else if (rules.MinLength > rules.MaxLength)
        {
            errors[at + ".max_length"] = ["Must not be less than min_length."];
        }

        if (rules.Min is { } min && !double.IsFinite(min) || rules.Max is { } max && !double.IsFinite(max))
        {
            errors[at + ".min"] = ["Bounds must be finite numbers."];
        }
        else if (rules.Min > rules.Max)
        {
            errors[at + ".max"] = ["Must not be less than min."];
        }

        if (rules.Pattern is { } pattern && !Compiles(pattern))
        {
            errors[at + ".pattern"] = [$"Must be a .NET regular expression of at most {MaxPatternLength} characters."];
        }
    }

    private static bool Compiles(string pattern)
    {
        if (pattern.Length is 0 or > MaxPatternLength)
        {
            return false;
        }

        try
        {
            _ = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    [GeneratedRegex("^[a-z][a-z0-9_]{0,39}$")]
    private static partial Regex KeyShape();
}
