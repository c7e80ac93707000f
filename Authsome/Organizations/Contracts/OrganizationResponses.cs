using Authsome.Store;

namespace Authsome.Organizations.Contracts;

/// <summary>An organization, with the caller's role in it.</summary>
public sealed record OrganizationResponse
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string Slug { get; init; }
    public string? Logo { get; init; }
    public required string CreatedBy { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The caller's role.</summary>
    public required string Role { get; init; }

    internal static OrganizationResponse From(Organization organization, string role) => new()
    {
        Id = organization.Id.ToString(),
        Name = organization.Name,
        Slug = organization.Slug,
        Logo = organization.Logo,
        CreatedBy = organization.CreatedBy.ToString(),
        CreatedAt = organization.CreatedAt,
        UpdatedAt = organization.UpdatedAt,
        Role = role,
    };
}

/// <summary>A page of a list: <c>next_cursor</c> is null on the last page; <c>total</c> counts every item.</summary>
public sealed record PageResponse<T>(IReadOnlyList<T> Items, string? NextCursor, long Total);

/// <summary>A member of an organization.</summary>
public sealed record MemberResponse
{
    public required string Id { get; init; }
    public required string UserId { get; init; }
    public string? Email { get; init; }
    public string? Name { get; init; }
    public required string Role { get; init; }

    /// <summary>Roles assigned beyond <see cref="Role"/>.</summary>
    public IReadOnlyList<string> Roles { get; init; } = [];
    public required DateTimeOffset CreatedAt { get; init; }

    internal static MemberResponse From(Member member, User? user, IReadOnlyList<string>? roles = null) => new()
    {
        Id = member.Id.ToString(),
        UserId = member.UserId.ToString(),
        Email = user?.Email,
        Name = user?.Name,
        Role = member.Role,
        Roles = roles ?? [],
        CreatedAt = member.CreatedAt,
    };
}

/// <summary>An invitation; its token is never shown (it exists only in the mail).</summary>
public sealed record InvitationResponse
{
    public required string Id { get; init; }
    public required string OrgId { get; init; }
    public required string Email { get; init; }
    public required string Role { get; init; }
    public required InvitationStatus Status { get; init; }
    public required string InviterId { get; init; }
    public required DateTimeOffset ExpiresAt { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }

    internal static InvitationResponse From(Invitation invitation) => new()
    {
        Id = invitation.Id.ToString(),
        OrgId = invitation.OrgId.ToString(),
        Email = invitation.Email,
        Role = invitation.Role,
        Status = invitation.Status,
        InviterId = invitation.InviterId.ToString(),
        ExpiresAt = invitation.ExpiresAt,
        CreatedAt = invitation.CreatedAt,
    };
}

/// <summary>The answer to an accepted invitation: the organization joined and the new membership.</summary>
public sealed record AcceptedInvitationResponse(OrganizationResponse Organization, MemberResponse Member);

/// <summary>A team of an organization.</summary>
public sealed record TeamResponse
{
    public required string Id { get; init; }
    public required string OrgId { get; init; }
    public required string Name { get; init; }
    public required string Slug { get; init; }

    /// <summary>The ids of the members in the team.</summary>
    public IReadOnlyList<string> MemberIds { get; init; } = [];
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }

    internal static TeamResponse From(Team team, IReadOnlyList<Id<Member>> members) => new()
    {
        Id = team.Id.ToString(),
        OrgId = team.OrgId.ToString(),
        Name = team.Name,
        Slug = team.Slug,
        MemberIds = [.. members.Select(m => m.ToString())],
        CreatedAt = team.CreatedAt,
        UpdatedAt = team.UpdatedAt,
    };
}
