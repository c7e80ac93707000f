using Authsome.Json;
using Microsoft.AspNetCore.Http;

namespace Authsome.Rbac;

/// <summary>POST /orgs/{id}/roles and PATCH /orgs/{id}/roles/{role_id} (where absent members stay unchanged).</summary>
public sealed record RoleRequest
{
    public string? Name { get; init; }

    /// <summary>Only on creation; made from the name when absent.</summary>
    public string? Slug { get; init; }
    public string? Description { get; init; }

    /// <summary>The slug of a built-in role or another custom role of the organization; <c>""</c> removes the parent.</summary>
    public string? Parent { get; init; }

    /// <summary><c>resource:action</c> each; <c>*</c> or a trailing <c>*</c> are wildcards. Replaces the list.</summary>
    public IReadOnlyList<string>? Permissions { get; init; }

    public static ValueTask<RoleRequest> BindAsync(HttpContext context) => RequestBody.ReadAsync<RoleRequest>(context);
}

/// <summary>POST /authorize.</summary>
public sealed record AuthorizeRequest
{
    public string? Action { get; init; }
    public string? Resource { get; init; }

    /// <summary>The organization to decide in; the session's active organization when absent.</summary>
    public string? OrgId { get; init; }

    public static ValueTask<AuthorizeRequest> BindAsync(HttpContext context) => RequestBody.ReadAsync<AuthorizeRequest>(context);
}

/// <summary>A role of an organization.</summary>
public sealed record RoleResponse
{
    public required string Id { get; init; }
    public required string Slug { get; init; }
    public required string Name { get; init; }
    public string? Description { get; init; }
    public required bool BuiltIn { get; init; }
    public string? Parent { get; init; }
    public required IReadOnlyList<string> Permissions { get; init; }

    internal static RoleResponse From(RoleView view) => new()
    {
        Id = view.Role.Id.ToString(),
        Slug = view.Slug,
        Name = view.Role.Name,
        Description = view.Role.Description,
        BuiltIn = view.BuiltIn,
        Parent = view.Parent,
        Permissions = view.Permissions,
    };
}

/// <summary>GET /me/permissions.</summary>
public sealed record PermissionsResponse(string? OrgId, IReadOnlyList<string> Permissions);

/// <summary>POST /authorize.</summary>
public sealed record AuthorizeResponse(bool Allowed);
