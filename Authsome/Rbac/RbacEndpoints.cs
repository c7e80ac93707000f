using Authsome.Accounts;
using Authsome.Endpoints;
using Authsome.Errors;
using Authsome.Organizations;
using Authsome.Organizations.Contracts;
using Authsome.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Authsome.Rbac;

/// <summary>Roles of organizations, assignments to members, and permission checks for resource servers.</summary>
internal static class RbacEndpoints
{
    private const string Tag = "Roles and permissions";

    public static void MapRbacRoutes(this RouteGroupBuilder authenticated)
    {
        authenticated.MapGet("/orgs/{id}/roles", ListAsync)
            .WithName("ListRoles").WithSummary("The built-in and custom roles of the organization (role:read)").WithTags(Tag)
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);

        authenticated.MapPost("/orgs/{id}/roles", CreateAsync)
            .WithName("CreateRole").WithSummary("Create a custom role (role:manage)").WithTags(Tag)
            .Accepts<RoleRequest>("application/json")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);

        authenticated.MapPatch("/orgs/{id}/roles/{role_id}", UpdateAsync)
            .WithName("UpdateRole").WithSummary("Change a custom role (role:manage)").WithTags(Tag)
            .Accepts<RoleRequest>("application/json")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);

        authenticated.MapDelete("/orgs/{id}/roles/{role_id}", DeleteAsync)
            .WithName("DeleteRole").WithSummary("Delete a custom role no member holds (role:manage)").WithTags(Tag)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);

        authenticated.MapPost("/orgs/{id}/members/{member_id}/roles", AssignAsync)
            .WithName("AssignRole").WithSummary("Give a member one more role (member:update)").WithTags(Tag)
            .Accepts<MemberRoleRequest>("application/json")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);

        authenticated.MapDelete("/orgs/{id}/members/{member_id}/roles/{role}", UnassignAsync)
            .WithName("UnassignRole").WithSummary("Take an extra role back from a member (member:update)").WithTags(Tag)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);

        authenticated.MapGet("/me/permissions", PermissionsAsync)
            .WithName("GetMyPermissions").WithSummary("The caller's effective permissions in an organization (default: the active one)").WithTags(Tag)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status404NotFound);

        authenticated.MapPost("/authorize", AuthorizeAsync)
            .WithName("Authorize").WithSummary("Whether the caller may perform an action on a resource (in an organization, default: the active one)").WithTags(Tag)
            .Accepts<AuthorizeRequest>("application/json")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized);
    }

    private static async Task<Ok<RoleResponse[]>> ListAsync(string id, HttpContext context, OrganizationAccess access, RoleService roles, CancellationToken cancellationToken)
    {
        var org = await access.RequireAsync(context.RequireSession().User, id, "role", "read", cancellationToken);
        return TypedResults.Ok((await roles.ListAsync(org, cancellationToken)).Select(RoleResponse.From).ToArray());
    }

    private static async Task<Created<RoleResponse>> CreateAsync(string id, RoleRequest body, HttpContext context, OrganizationAccess access, RoleService roles, CancellationToken cancellationToken)
    {
        var org = await access.RequireAsync(context.RequireSession().User, id, "role", "manage", cancellationToken);
        var role = await roles.CreateAsync(org, body.Name, body.Slug, body.Description, body.Parent, body.Permissions, cancellationToken);
        return TypedResults.Created($"{context.Request.PathBase}{context.Request.Path}/{role.Role.Id}", RoleResponse.From(role));
    }

    private static async Task<Ok<RoleResponse>> UpdateAsync(string id, [FromRoute(Name = "role_id")] string roleId, RoleRequest body, HttpContext context, OrganizationAccess access, RoleService roles, CancellationToken cancellationToken)
    {
        if (body.Slug is not null)
        {
            throw InputRules.Invalid("slug", "A role's slug cannot change.");
        }

        var org = await access.RequireAsync(context.RequireSession().User, id, "role", "manage", cancellationToken);
        return TypedResults.Ok(RoleResponse.From(await roles.UpdateAsync(org, roleId, body.Name, body.Description, body.Parent, body.Permissions, cancellationToken)));
    }

    private static async Task<NoContent> DeleteAsync(string id, [FromRoute(Name = "role_id")] string roleId, HttpContext context, OrganizationAccess access, RoleService roles, CancellationToken cancellationToken)
    {
        var org = await access.RequireAsync(context.RequireSession().User, id, "role", "manage", cancellationToken);
        await roles.DeleteAsync(org, roleId, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> AssignAsync(string id, [FromRoute(Name = "member_id")] string memberId, MemberRoleRequest body, HttpContext context, OrganizationAccess access, MemberService members, RoleService roles, CancellationToken cancellationToken)
    {
        var org = await access.RequireAsync(context.RequireSession().User, id, "member", "update", cancellationToken);
        await roles.AssignAsync(org, await members.GetAsync(org, memberId, cancellationToken), body.Role, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> UnassignAsync(string id, [FromRoute(Name = "member_id")] string memberId, string role, HttpContext context, OrganizationAccess access, MemberService members, RoleService roles, CancellationToken cancellationToken)
    {
        var org = await access.RequireAsync(context.RequireSession().User, id, "member", "update", cancellationToken);
        await roles.UnassignAsync(org, await members.GetAsync(org, memberId, cancellationToken), role, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<PermissionsResponse>> PermissionsAsync([FromQuery(Name = "org_id")] string? orgId, HttpContext context, OrganizationAccess access, PermissionService permissions, CancellationToken cancellationToken)
    {
        var current = context.RequireSession();
        Id<Organization>? scope = current.Session.OrgId;
        if (orgId is not null)
        {
            scope = (await access.OpenAsync(current.User, orgId, cancellationToken)).OrgId;
        }

        return TypedResults.Ok(new PermissionsResponse(scope?.ToString(), await permissions.ListAsync(current.User, scope, cancellationToken)));
    }

    private static async Task<Ok<AuthorizeResponse>> AuthorizeAsync(AuthorizeRequest body, HttpContext context, PermissionService permissions, CancellationToken cancellationToken)
    {
        var current = context.RequireSession();
        var action = InputRules.Required(body.Action, "action");
        var resource = InputRules.Required(body.Resource, "resource");
        if (action.Length > PermissionName.MaxLength || resource.Length > PermissionName.MaxLength)
        {
            throw AuthsomeException.Validation(new Dictionary<string, string[]> { ["action"] = [$"At most {PermissionName.MaxLength} characters."] });
        }

        Id<Organization>? scope = current.Session.OrgId;
        if (body.OrgId is not null)
        {
            // An unknown or foreign organization simply grants nothing: the answer is no oracle of what exists.
            scope = Id<Organization>.TryParse(body.OrgId, out var parsed) ? parsed : throw InputRules.Invalid("org_id", "Not an organization id.");
        }

        return TypedResults.Ok(new AuthorizeResponse(await permissions.HasPermissionAsync(current.User, resource, action, scope, cancellationToken)));
    }
}
