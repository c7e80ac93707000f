using Authsome.Devices;
using Authsome.Errors;
using Authsome.Pages.Security;
using Authsome.Sessions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Authsome.Pages.Routes;

/// <summary>The account page's devices: trust one, stop trusting it, or forget it and end its sessions (the engine's <see cref="DeviceService"/>).</summary>
internal static class DeviceRoutes
{
    public static void MapDevicePages(this IEndpointRouteBuilder pages)
    {
        pages.MapPost("/account/devices/{id}/trust", (string id, HttpContext context, PageRenderer pages, PageSessions current, DeviceService devices) =>
            SetTrustAsync(id, true, context, pages, current, devices));
        pages.MapPost("/account/devices/{id}/distrust", (string id, HttpContext context, PageRenderer pages, PageSessions current, DeviceService devices) =>
            SetTrustAsync(id, false, context, pages, current, devices));
        pages.MapPost("/account/devices/{id}/remove", RemoveAsync);
    }

    private static Task<IResult> SetTrustAsync(string id, bool trusted, HttpContext context, PageRenderer pages, PageSessions current, DeviceService devices) =>
        AccountRoutes.ChangeAsync(context, pages, current, async (_, signedIn) =>
            await devices.TrustAsync(await FindAsync(devices, signedIn, id, context), trusted, context.RequestAborted));

    private static Task<IResult> RemoveAsync(string id, HttpContext context, PageRenderer pages, PageSessions current, DeviceService devices, SessionService sessions) =>
        AccountRoutes.ChangeAsync(context, pages, current, async (_, signedIn) =>
            await devices.RemoveAsync(await FindAsync(devices, signedIn, id, context), sessions, context.RequestAborted));

    private static async Task<Store.Device> FindAsync(DeviceService devices, AuthenticatedSession signedIn, string id, HttpContext context) =>
        await devices.FindAsync(signedIn.User.Id, id, context.RequestAborted) ?? throw new AuthsomeException(AuthsomeErrors.NotFound, "No such device.");
}
