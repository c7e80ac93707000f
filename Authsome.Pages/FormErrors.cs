using Authsome.Errors;

namespace Authsome.Pages;

/// <summary>A failed form: the problem's message and its field-level errors, keyed by the field's name in the form.</summary>
public sealed class FormErrors
{
    private FormErrors(string message, IReadOnlyDictionary<string, string[]> fields)
    {
        Message = message;
        Fields = fields;
    }

    /// <summary>What went wrong as a whole.</summary>
    public string Message { get; }

    /// <summary>Messages per field name (<c>email</c>, <c>fields.company</c>).</summary>
    public IReadOnlyDictionary<string, string[]> Fields { get; }

    /// <summary>The error of one field, or null.</summary>
    public string? For(string name) => Fields.TryGetValue(name, out var messages) ? string.Join(" ", messages) : null;

    /// <summary>The id of a field's input: the name with anything but letters and digits turned into '-'.</summary>
    public static string InputId(string name) => new([.. name.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]);

    internal static FormErrors From(AuthsomeFailure failure) =>
        new(failure.Detail, failure.Extensions.TryGetValue("errors", out var errors) && errors is IReadOnlyDictionary<string, string[]> fields
            ? fields
            : new Dictionary<string, string[]>());

    internal static FormErrors From(AuthsomeException exception) => From(new AuthsomeFailure(exception.Error, exception.Message, exception.Extensions, exception.RetryAfterSeconds));

    internal static FormErrors Of(string message) => new(message, new Dictionary<string, string[]>());

    internal static FormErrors Of(string message, IReadOnlyDictionary<string, string[]> fields) => new(message, fields);

    /// <summary>The same errors with the engine's field <paramref name="from"/> named as the form's <paramref name="to"/>.</summary>
    internal FormErrors WithField(string from, string to) =>
        Fields.ContainsKey(from) ? new(Message, Fields.ToDictionary(f => f.Key == from ? to : f.Key, f => f.Value)) : this;
}
