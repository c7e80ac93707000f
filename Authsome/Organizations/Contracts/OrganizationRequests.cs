using Authsome.Json;
using Microsoft.AspNetCore.Http;

namespace Authsome.Organizations.Contracts;

// Bound through RequestBody (JSON only, bounded, unknown members refused); members are nullable so that a missing
// field gets a validation_failed naming it.

/// <summary>POST /orgs.</summary>
public sealed record CreateOrganizationRequest
{
    public string? Name { get; init; }
    public string? Slug { get; init; }
    public string? Logo { get; init; }

    public static ValueTask<CreateOrganizationRequest> BindAsync(HttpContext context) => RequestBody.ReadAsync<CreateOrganizationRequest>(context);
}

/// <summary>PATCH /orgs/{id}: absent members stay unchanged.</summary>
public sealed record UpdateOrganizationRequest
{
    public string? Name { get; init; }
    public string? Slug { get; init; }
    public string? Logo { get; init; }

    public static ValueTask<UpdateOrganizationRequest> BindAsync(HttpContext context) => RequestBody.ReadAsync<UpdateOrganizationRequest>(context);
}

/// <summary>PATCH /orgs/{id}/members/{member_id}, and POST /orgs/{id}/members/{member_id}/roles.</summary>
public sealed record MemberRoleRequest
{
    public string? Role { get; init; }

    public static ValueTask<MemberRoleRequest> BindAsync(HttpContext context) => RequestBody.ReadAsync<MemberRoleRequest>(context);
}

/// <summary>POST /orgs/{id}/invitations.</summary>
public sealed record CreateInvitationRequest
{
    public string? Email { get; init; }

    /// <summary>A role of the organization; <c>member</c> when absent.</summary>
    public string? Role { get; init; }

    public static ValueTask<CreateInvitationRequest> BindAsync(HttpContext context) => RequestBody.ReadAsync<CreateInvitationRequest>(context);
}

/// <summary>POST /invitations/accept and /invitations/decline.</summary>
public sealed record InvitationTokenRequest
{
    public string? Token { get; init; }

    public static ValueTask<InvitationTokenRequest> BindAsync(HttpContext context) => RequestBody.ReadAsync<InvitationTokenRequest>(context);
}

/// <summary>POST /orgs/{id}/teams and PATCH /orgs/{id}/teams/{team_id}.</summary>
public sealed record TeamRequest
{
    public string? Name { get; init; }
    public string? Slug { get; init; }

    public static ValueTask<TeamRequest> BindAsync(HttpContext context) => RequestBody.ReadAsync<TeamRequest>(context);
}
