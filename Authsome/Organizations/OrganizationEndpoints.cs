using Authsome.Endpoints;
using Authsome.Organizations.Contracts;
using Authsome.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Authsome.Organizations;

/// <summary>Organizations, their members and the active organization of the session.</summary>
internal static class OrganizationEndpoints
{
    private const string Tag = "Organizations";

    public static void MapOrganizationRoutes(this RouteGroupBuilder authenticated)
    {
        authenticated.MapPost("/orgs", CreateAsync)
            .WithName("CreateOrganization").WithSummary("Create an organization; the caller becomes its owner").WithTags(Tag)
            .Accepts<CreateOrganizationRequest>("application/json")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status409Conflict);

        authenticated.MapGet("/orgs", ListAsync)
            .WithName("ListOrganizations").WithSummary("The caller's organizations, a page at a time").WithTags(Tag)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized);

        authenticated.MapGet("/orgs/{id}", GetAsync)
            .WithName("GetOrganization").WithSummary("One of the caller's organizations").WithTags(Tag)
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status404NotFound);

        authenticated.MapPatch("/orgs/{id}", UpdateAsync)
            .WithName("UpdateOrganization").WithSummary("Change an organization (org:update)").WithTags(Tag)
            .Accepts<UpdateOrganizationRequest>("application/json")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);

        authenticated.MapDelete("/orgs/{id}", DeleteAsync)
            .WithName("DeleteOrganization").WithSummary("Delete an organization with its members, invitations, teams and roles (org:delete, owners)").WithTags(Tag)
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);

        authenticated.MapPost("/orgs/{id}/activate", ActivateAsync)
            .WithName("ActivateOrganization").WithSummary("Make the organization the session's active one (permission checks default to it)").WithTags(Tag)
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status404NotFound);

        authenticated.MapGet("/orgs/{id}/members", ListMembersAsync)
            .WithName("ListMembers").WithSummary("The organization's members (member:read)").WithTags(Tag)
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);

        authenticated.MapPatch("/orgs/{id}/members/{member_id}", ChangeRoleAsync)
            .WithName("UpdateMember").WithSummary("Change a member's role (member:update; owners only for the owner role)").WithTags(Tag)
            .Accepts<MemberRoleRequest>("application/json")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);

        authenticated.MapDelete("/orgs/{id}/members/{member_id}", RemoveMemberAsync)
            .WithName("RemoveMember").WithSummary("Remove a member (member:remove)").WithTags(Tag)
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);

        authenticated.MapPost("/orgs/{id}/leave", LeaveAsync)
            .WithName("LeaveOrganization").WithSummary("Leave the organization").WithTags(Tag)
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
    }

    private static async Task<Created<OrganizationResponse>> CreateAsync(CreateOrganizationRequest body, HttpContext context, OrganizationService organizations, CancellationToken cancellationToken)
    {
        var (organization, owner) = await organizations.CreateAsync(context.RequireSession().User, body.Name, body.Slug, body.Logo, cancellationToken);
        return TypedResults.Created($"{context.Request.PathBase}{context.Request.Path}/{organization.Id}", OrganizationResponse.From(organization, owner.Role));
    }

    private static async Task<Ok<PageResponse<OrganizationResponse>>> ListAsync(string? cursor, string? limit, HttpContext context, OrganizationService organizations, CancellationToken cancellationToken)
    {
        var page = await organizations.ListMineAsync(context.RequireSession().User, PagingQuery.Parse(cursor, limit), cancellationToken);
        return TypedResults.Ok(new PageResponse<OrganizationResponse>([.. page.Items.Select(i => OrganizationResponse.From(i.Organization, i.Role))], page.NextCursor, page.Total));
    }

    private static async Task<Ok<OrganizationResponse>> GetAsync(string id, HttpContext context, OrganizationAccess access, CancellationToken cancellationToken)
    {
        var org = await access.OpenAsync(context.RequireSession().User, id, cancellationToken);
        return TypedResults.Ok(OrganizationResponse.From(org.Organization, org.Membership.Role));
    }

    private static async Task<Ok<OrganizationResponse>> UpdateAsync(string id, UpdateOrganizationRequest body, HttpContext context, OrganizationAccess access, OrganizationService organizations, CancellationToken cancellationToken)
    {
        var org = await access.RequireAsync(context.RequireSession().User, id, "org", "update", cancellationToken);
        var updated = await organizations.UpdateAsync(org, body.Name, body.Slug, body.Logo, cancellationToken);
        return TypedResults.Ok(OrganizationResponse.From(updated, org.Membership.Role));
    }

    private static async Task<NoContent> DeleteAsync(string id, HttpContext context, OrganizationAccess access, OrganizationService organizations, CancellationToken cancellationToken)
    {
        var org = await access.RequireAsync(context.RequireSession().User, id, "org", "delete", cancellationToken);
        await organizations.DeleteAsync(org, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<OrganizationResponse>> ActivateAsync(string id, HttpContext context, OrganizationAccess access, IAuthsomeStore store, CancellationToken cancellationToken)
    {
        var current = context.RequireSession();
        var org = await access.OpenAsync(current.User, id, cancellationToken);
        if (current.Session.OrgId != org.OrgId)
        {
            await store.Sessions.UpdateAsync(current.Session with { OrgId = org.OrgId }, cancellationToken);
        }

        return TypedResults.Ok(OrganizationResponse.From(org.Organization, org.Membership.Role));
    }

    private static async Task<Ok<MemberResponse[]>> ListMembersAsync(string id, HttpContext context, OrganizationAccess access, MemberService members, Rbac.RoleService roles, CancellationToken cancellationToken)
    {
        var org = await access.RequireAsync(context.RequireSession().User, id, "member", "read", cancellationToken);
        var list = new List<MemberResponse>();
        foreach (var (member, user) in await members.ListAsync(org.OrgId, cancellationToken))
        {
            list.Add(MemberResponse.From(member, user, await roles.AssignedAsync(org.OrgId, member.UserId, cancellationToken)));
        }

        return TypedResults.Ok(list.ToArray());
    }

    private static async Task<Ok<MemberResponse>> ChangeRoleAsync(string id, [FromRoute(Name = "member_id")] string memberId, MemberRoleRequest body, HttpContext context, OrganizationAccess access, MemberService members, IAuthsomeStore store, CancellationToken cancellationToken)
    {
        var org = await access.RequireAsync(context.RequireSession().User, id, "member", "update", cancellationToken);
        var member = await members.ChangeRoleAsync(org, memberId, body.Role, cancellationToken);
        return TypedResults.Ok(MemberResponse.From(member, await store.Users.GetAsync(member.UserId, cancellationToken)));
    }

    private static async Task<NoContent> RemoveMemberAsync(string id, [FromRoute(Name = "member_id")] string memberId, HttpContext context, OrganizationAccess access, MemberService members, CancellationToken cancellationToken)
    {
        var org = await access.RequireAsync(context.RequireSession().User, id, "member", "remove", cancellationToken);
        await members.RemoveAsync(org, memberId, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> LeaveAsync(string id, HttpContext context, OrganizationAccess access, MemberService members, CancellationToken cancellationToken)
    {
        var org = await access.OpenAsync(context.RequireSession().User, id, cancellationToken);
        await members.LeaveAsync(org, cancellationToken);
        return TypedResults.NoContent();
    }
}
