using Authsome.Errors;
using Authsome.Organizations;
using Authsome.Pages.Components;
using Authsome.Pages.Security;
using Authsome.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Authsome.Pages.Routes;

/// <summary>
/// Answering an organization invitation: the mailed link (<c>Authsome:Organizations:InvitationLinkTemplate</c> pointing
/// at <c>/invitations/accept?token={token}</c>) or a typed token; sign in or sign up first, then accept or decline.
/// The invitation service decides everything (the invitee's address, verification, single use).
/// </summary>
internal static class InvitationRoutes
{
    private const string Title = "Join an organization";

    public static void MapInvitationPages(this IEndpointRouteBuilder pages)
    {
        pages.MapGet("/invitations/accept", ShowAsync);
        pages.MapPost("/invitations/accept", AcceptAsync);
        pages.MapPost("/invitations/decline", DeclineAsync);
    }

    private static async Task<IResult> ShowAsync(HttpContext context, PageRenderer pages, PageSessions current, IAuthsomeEngine engine, InvitationService invitations, string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return await pages.RenderAsync<InvitationAnswer>(context, Title);
        }

        var signedIn = await current.GetAsync(context);
        try
        {
            var app = await engine.GetAppAsync(context.RequestAborted);
            var (invitation, organization) = await invitations.FindAsync(app.AppId, token, context.RequestAborted);
            if (invitation.Status != InvitationStatus.Pending)
            {
                throw InvitationService.Refusal(invitation.Status);
            }

            return await pages.RenderAsync<InvitationAnswer>(context, Title, new()
            {
                [nameof(InvitationAnswer.Token)] = token,
                [nameof(InvitationAnswer.OrganizationName)] = organization.Name,
                [nameof(InvitationAnswer.Role)] = invitation.Role,
                [nameof(InvitationAnswer.SignedInEmail)] = signedIn?.User.Email,
            }, organization: organization.Id);
        }
        catch (AuthsomeException ex)
        {
            return await FailedAsync(context, pages, ex);
        }
    }

    private static Task<IResult> AcceptAsync(HttpContext context, PageRenderer pages, PageSessions current, InvitationService invitations) =>
        AnswerAsync(context, pages, current, async (user, token) =>
        {
            var (organization, _) = await invitations.AcceptAsync(user, token, context.RequestAborted);
            return $"You are now a member of {organization.Name}.";
        });

    private static Task<IResult> DeclineAsync(HttpContext context, PageRenderer pages, PageSessions current, InvitationService invitations) =>
        AnswerAsync(context, pages, current, async (user, token) =>
        {
            await invitations.DeclineAsync(user, token, context.RequestAborted);
            return "You declined the invitation.";
        });

    private static async Task<IResult> AnswerAsync(HttpContext context, PageRenderer pages, PageSessions current, Func<User, string?, Task<string>> answer)
    {
        if (await pages.ReadFormAsync(context) is not { } form)
        {
            return await pages.RefusedAsync(context);
        }

        string? token = form["token"];
        if (await current.GetAsync(context) is not { } signedIn)
        {
            return AccountRoutes.SignInFirst(context, pages, "invitations/accept?token=" + Uri.EscapeDataString(token ?? string.Empty));
        }

        try
        {
            return await pages.RenderAsync<Notice>(context, Title, new()
            {
                [nameof(Notice.Message)] = await answer(signedIn.User, token),
                [nameof(Notice.LinkHref)] = pages.BasePath(context) + "/account",
                [nameof(Notice.LinkText)] = "Go to your account",
            });
        }
        catch (AuthsomeException ex)
        {
            return await FailedAsync(context, pages, ex);
        }
    }

    // The reason (already used, expired, for another address, unverified) is the holder's to know; the token entry stays available.
    private static Task<IResult> FailedAsync(HttpContext context, PageRenderer pages, AuthsomeException failure) =>
        pages.RenderAsync<InvitationAnswer>(context, Title, new() { [nameof(InvitationAnswer.Errors)] = FormErrors.From(failure) }, failure.Error.Status);
}
