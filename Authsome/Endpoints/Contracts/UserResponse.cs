using System.Text.Json.Serialization;
using Authsome.Store;

namespace Authsome.Endpoints.Contracts;

/// <summary>A user as clients see it: profile fields only, never a hash, a secret or internal counters.</summary>
public sealed record UserResponse
{
    public required string Id { get; init; }
    public required string Email { get; init; }
    public required bool EmailVerified { get; init; }
    public string? Name { get; init; }
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public string? Username { get; init; }
    public string? Image { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>On <c>GET /me</c>: the session's active organization (see <c>POST /orgs/{id}/activate</c>); absent when none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ActiveOrgId { get; init; }

    internal static UserResponse From(User user) => new()
    {
        Id = user.Id.ToString(),
        Email = user.Email,
        EmailVerified = user.EmailVerified,
        Name = user.Name,
        FirstName = user.FirstName,
        LastName = user.LastName,
        Username = user.DisplayUsername ?? user.Username,
        Image = user.Image,
        CreatedAt = user.CreatedAt,
        UpdatedAt = user.UpdatedAt,
    };
}
