namespace Authsome.Errors;

/// <summary>
/// A known failure the API answers with: a stable machine-readable <see cref="Code"/> (the <c>code</c> extension of
/// the RFC 9457 problem), its HTTP status and a short human title. Clients branch on the code, never on the title.
/// </summary>
public sealed record AuthsomeError(string Code, int Status, string Title);
