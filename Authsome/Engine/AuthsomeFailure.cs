using Authsome.Errors;

namespace Authsome;

/// <summary>
/// Why an engine operation did not succeed: a stable <see cref="Code"/> (the same code the HTTP API answers in its
/// problem's <c>code</c>), a detail safe to show to the user, and the problem's extra members.
/// </summary>
/// <param name="Error">The error: its code, HTTP status and title.</param>
/// <param name="Detail">A short explanation for the user; never holds a secret.</param>
/// <param name="Extensions">Extra members, e.g. <c>errors</c> (field name to messages) or <c>problems</c> (password policy).</param>
/// <param name="RetryAfterSeconds">Seconds to wait before retrying (e.g. a locked account), or null.</param>
public sealed record AuthsomeFailure(AuthsomeError Error, string Detail, IReadOnlyDictionary<string, object?> Extensions, int? RetryAfterSeconds)
{
    /// <summary>The stable machine-readable code, e.g. <c>invalid_credentials</c>; branch on it (see <see cref="AuthsomeErrors"/>).</summary>
    public string Code => Error.Code;

    /// <summary>The failure as the exception the HTTP endpoints turn into a problem answer.</summary>
    public AuthsomeException ToException() =>
        new(Error, Detail, Extensions) { RetryAfterSeconds = RetryAfterSeconds };

    internal static AuthsomeFailure From(AuthsomeException exception) =>
        new(exception.Error, exception.Message, exception.Extensions, exception.RetryAfterSeconds);
}
