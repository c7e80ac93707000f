namespace Authsome.Endpoints.Contracts;

/// <summary>A plain acknowledgement.</summary>
public sealed record MessageResponse(string Message);

/// <summary>How many sessions an operation ended.</summary>
public sealed record RevokedSessionsResponse(int Revoked);
