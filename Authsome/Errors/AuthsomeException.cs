namespace Authsome.Errors;

/// <summary>
/// A known failure, answered as a problem with the error's status and code. The message (the problem's
/// <c>detail</c>) is shown to clients, so it must never hold a secret or echo unbounded input.
/// </summary>
public sealed class AuthsomeException : Exception
{
    /// <summary>Creates the exception; <paramref name="detail"/> defaults to the error's title.</summary>
    public AuthsomeException(AuthsomeError error, string? detail = null, IReadOnlyDictionary<string, object?>? extensions = null)
        : base(detail ?? error?.Title)
    {
        ArgumentNullException.ThrowIfNull(error);
        Error = error;
        Extensions = extensions ?? new Dictionary<string, object?>();
    }

    /// <summary>The error answered.</summary>
    public AuthsomeError Error { get; }

    /// <summary>Extra members of the problem (e.g. <c>errors</c>, <c>problems</c>).</summary>
    public IReadOnlyDictionary<string, object?> Extensions { get; }

    /// <summary>Seconds the client should wait before retrying, sent as Retry-After; null for none.</summary>
    public int? RetryAfterSeconds { get; init; }

    /// <summary>A validation failure for named fields.</summary>
    public static AuthsomeException Validation(IReadOnlyDictionary<string, string[]> errors) =>
        new(AuthsomeErrors.ValidationFailed, "One or more fields are invalid.", new Dictionary<string, object?> { ["errors"] = errors });
}
