using Authsome.Endpoints;
using Authsome.Organizations.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Authsome.Organizations.Teams;

/// <summary>Teams of an organization (reading needs team:read, changing team:manage).</summary>
internal static class TeamEndpoints
{
    private const string Tag = "Teams";

    public static void MapTeamRoutes(this RouteGroupBuilder authenticated)
    {
        authenticated.MapPost("/orgs/{id}/teams", CreateAsync)
            .WithName("CreateTeam").WithSummary("Create a team (team:manage)").WithTags(Tag)
            .Accepts<TeamRequest>("application/json")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);

        authenticated.MapGet("/orgs/{id}/teams", ListAsync)
            .WithName("ListTeams").WithSummary("The organization's teams with their members (team:read)").WithTags(Tag)
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);

        authenticated.MapPatch("/orgs/{id}/teams/{team_id}", UpdateAsync)
            .WithName("UpdateTeam").WithSummary("Rename a team (team:manage)").WithTags(Tag)
            .Accepts<TeamRequest>("application/json")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);

        authenticated.MapDelete("/orgs/{id}/teams/{team_id}", DeleteAsync)
            .WithName("DeleteTeam").WithSummary("Delete a team (team:manage)").WithTags(Tag)
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);

        authenticated.MapPost("/orgs/{id}/teams/{team_id}/members/{member_id}", AddMemberAsync)
            .WithName("AddTeamMember").WithSummary("Put a member of the organization in a team (team:manage)").WithTags(Tag)
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);

        authenticated.MapDelete("/orgs/{id}/teams/{team_id}/members/{member_id}", RemoveMemberAsync)
            .WithName("RemoveTeamMember").WithSummary("Take a member out of a team (team:manage)").WithTags(Tag)
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
    }

    private static async Task<Created<TeamResponse>> CreateAsync(string id, TeamRequest body, HttpContext context, OrganizationAccess access, TeamService teams, CancellationToken cancellationToken)
    {
        var org = await access.RequireAsync(context.RequireSession().User, id, "team", "manage", cancellationToken);
        var team = await teams.CreateAsync(org, body.Name, body.Slug, cancellationToken);
        return TypedResults.Created($"{context.Request.PathBase}{context.Request.Path}/{team.Id}", TeamResponse.From(team, []));
    }

    private static async Task<Ok<TeamResponse[]>> ListAsync(string id, HttpContext context, OrganizationAccess access, TeamService teams, CancellationToken cancellationToken)
    {
        var org = await access.RequireAsync(context.RequireSession().User, id, "team", "read", cancellationToken);
        return TypedResults.Ok((await teams.ListAsync(org, cancellationToken)).Select(t => TeamResponse.From(t.Team, t.Members)).ToArray());
    }

    private static async Task<Ok<TeamResponse>> UpdateAsync(string id, [FromRoute(Name = "team_id")] string teamId, TeamRequest body, HttpContext context, OrganizationAccess access, TeamService teams, CancellationToken cancellationToken)
    {
        var org = await access.RequireAsync(context.RequireSession().User, id, "team", "manage", cancellationToken);
        var team = await teams.UpdateAsync(org, teamId, body.Name, body.Slug, cancellationToken);
        return TypedResults.Ok(TeamResponse.From(team, await teams.MembersAsync(team, cancellationToken)));
    }

    private static async Task<NoContent> DeleteAsync(string id, [FromRoute(Name = "team_id")] string teamId, HttpContext context, OrganizationAccess access, TeamService teams, CancellationToken cancellationToken)
    {
        var org = await access.RequireAsync(context.RequireSession().User, id, "team", "manage", cancellationToken);
        await teams.DeleteAsync(org, teamId, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> AddMemberAsync(string id, [FromRoute(Name = "team_id")] string teamId, [FromRoute(Name = "member_id")] string memberId, HttpContext context, OrganizationAccess access, MemberService members, TeamService teams, CancellationToken cancellationToken)
    {
        var org = await access.RequireAsync(context.RequireSession().User, id, "team", "manage", cancellationToken);
        await teams.AddMemberAsync(org, teamId, await members.GetAsync(org, memberId, cancellationToken), cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> RemoveMemberAsync(string id, [FromRoute(Name = "team_id")] string teamId, [FromRoute(Name = "member_id")] string memberId, HttpContext context, OrganizationAccess access, MemberService members, TeamService teams, CancellationToken cancellationToken)
    {
        var org = await access.RequireAsync(context.RequireSession().User, id, "team", "manage", cancellationToken);
        await teams.RemoveMemberAsync(org, teamId, await members.GetAsync(org, memberId, cancellationToken), cancellationToken);
        return TypedResults.NoContent();
    }
}
