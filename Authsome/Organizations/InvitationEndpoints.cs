using Authsome.Endpoints;
using Authsome.Organizations.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Authsome.Organizations;

/// <summary>Inviting people into organizations, and answering invitations.</summary>
internal static class InvitationEndpoints
{
    private const string Tag = "Invitations";

    public static void MapInvitationRoutes(this RouteGroupBuilder authenticated)
    {
        authenticated.MapPost("/orgs/{id}/invitations", CreateAsync)
            .WithName("CreateInvitation").WithSummary("Invite an email address; the invitee is mailed a single-use token (member:invite)").WithTags(Tag)
            .Accepts<CreateInvitationRequest>("application/json")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);

        authenticated.MapGet("/orgs/{id}/invitations", ListAsync)
            .WithName("ListInvitations").WithSummary("The organization's invitations (member:invite)").WithTags(Tag)
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);

        authenticated.MapDelete("/orgs/{id}/invitations/{invitation_id}", RevokeAsync)
            .WithName("RevokeInvitation").WithSummary("Withdraw a pending invitation (member:invite)").WithTags(Tag)
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status410Gone);

        authenticated.MapPost("/invitations/accept", AcceptAsync)
            .WithName("AcceptInvitation").WithSummary("Join the organization an invitation to the caller's email is for").WithTags(Tag)
            .Accepts<InvitationTokenRequest>("application/json")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status409Conflict, StatusCodes.Status410Gone);

        authenticated.MapPost("/invitations/decline", DeclineAsync)
            .WithName("DeclineInvitation").WithSummary("Decline an invitation to the caller's email").WithTags(Tag)
            .Accepts<InvitationTokenRequest>("application/json")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status409Conflict, StatusCodes.Status410Gone);
    }

    private static async Task<Created<InvitationResponse>> CreateAsync(string id, CreateInvitationRequest body, HttpContext context, OrganizationAccess access, InvitationService invitations, CancellationToken cancellationToken)
    {
        var org = await access.RequireAsync(context.RequireSession().User, id, "member", "invite", cancellationToken);
        var invitation = await invitations.CreateAsync(org, body.Email, body.Role, cancellationToken);
        return TypedResults.Created($"{context.Request.PathBase}{context.Request.Path}/{invitation.Id}", InvitationResponse.From(invitation));
    }

    private static async Task<Ok<InvitationResponse[]>> ListAsync(string id, HttpContext context, OrganizationAccess access, InvitationService invitations, CancellationToken cancellationToken)
    {
        var org = await access.RequireAsync(context.RequireSession().User, id, "member", "invite", cancellationToken);
        return TypedResults.Ok((await invitations.ListAsync(org.OrgId, cancellationToken)).Select(InvitationResponse.From).ToArray());
    }

    private static async Task<NoContent> RevokeAsync(string id, [FromRoute(Name = "invitation_id")] string invitationId, HttpContext context, OrganizationAccess access, InvitationService invitations, CancellationToken cancellationToken)
    {
        var org = await access.RequireAsync(context.RequireSession().User, id, "member", "invite", cancellationToken);
        await invitations.RevokeAsync(org, invitationId, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<AcceptedInvitationResponse>> AcceptAsync(InvitationTokenRequest body, HttpContext context, InvitationService invitations, CancellationToken cancellationToken)
    {
        var caller = context.RequireSession().User;
        var (organization, member) = await invitations.AcceptAsync(caller, body.Token, cancellationToken);
        return TypedResults.Ok(new AcceptedInvitationResponse(OrganizationResponse.From(organization, member.Role), MemberResponse.From(member, caller)));
    }

    private static async Task<NoContent> DeclineAsync(InvitationTokenRequest body, HttpContext context, InvitationService invitations, CancellationToken cancellationToken)
    {
        await invitations.DeclineAsync(context.RequireSession().User, body.Token, cancellationToken);
        return TypedResults.NoContent();
    }
}
