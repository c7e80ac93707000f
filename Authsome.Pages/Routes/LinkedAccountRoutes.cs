using Authsome.Pages.Security;
using Authsome.Plugins.Social;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Authsome.Pages.Routes;

/// <summary>The account page's linked social accounts (the social plugin): unlink one, which the plugin refuses for the last way to sign in.</summary>
internal static class LinkedAccountRoutes
{
    public static void MapLinkedAccountPages(this IEndpointRouteBuilder pages) =>
        pages.MapPost("/account/linked-accounts/{id}/unlink", (string id, HttpContext context, PageRenderer pages, PageSessions current, SocialService social) =>
            AccountRoutes.ChangeAsync(context, pages, current, async (_, signedIn) => await social.UnlinkAsync(signedIn.User, id, context.RequestAborted)));
}
