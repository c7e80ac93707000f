using Authsome.Endpoints;
using Authsome.Errors;
using Authsome.Sessions;
using Authsome.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Authsome.Devices;

/// <summary>A device the caller signed in from (no fingerprint).</summary>
public sealed record DeviceResponse
{
    public required string Id { get; init; }
    public string? Name { get; init; }
    public string? Type { get; init; }
    public string? Browser { get; init; }
    public string? Os { get; init; }
    public string? IpAddress { get; init; }
    public required bool Trusted { get; init; }

    /// <summary>When the device was marked trusted; the MFA plugin's skip counts from it.</summary>
    public DateTimeOffset? TrustedAt { get; init; }

    public required DateTimeOffset LastSeenAt { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Whether the current session was signed in from this device.</summary>
    public required bool Current { get; init; }

    internal static DeviceResponse From(Device d, Id<Device>? current) => new()
    {
        Id = d.Id.ToString(),
        Name = d.Name,
        Type = d.Type,
        Browser = d.Browser,
        Os = d.Os,
        IpAddress = d.IpAddress,
        Trusted = d.Trusted,
        TrustedAt = d.TrustedAt,
        LastSeenAt = d.LastSeenAt,
        CreatedAt = d.CreatedAt,
        Current = d.Id == current,
    };
}

/// <summary>The signed-in user's devices.</summary>
internal static class DeviceEndpoints
{
    private const string Tag = "Devices";

    public static void MapDeviceRoutes(this IEndpointRouteBuilder authenticated)
    {
        authenticated.MapGet("/devices", ListAsync)
            .WithName("ListDevices").WithSummary("The devices the caller signed in from").WithTags(Tag)
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        authenticated.MapDelete("/devices/{id}", RemoveAsync)
            .WithName("RemoveDevice").WithSummary("Forget a device and end every session signed in from it").WithTags(Tag)
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status404NotFound);
        authenticated.MapPost("/devices/{id}/trust", TrustAsync)
            .WithName("TrustDevice").WithSummary("Mark a device as trusted").WithTags(Tag)
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status404NotFound);

        authenticated.MapDelete("/devices/{id}/trust", DistrustAsync)
            .WithName("DistrustDevice").WithSummary("Withdraw a device's trust (its sign-ins answer the MFA challenge again)").WithTags(Tag)
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status404NotFound);
    }

    private static async Task<Ok<DeviceResponse[]>> ListAsync(HttpContext context, DeviceService devices, CancellationToken cancellationToken)
    {
        var current = context.RequireSession();
        var list = await devices.ListAsync(current.User.Id, cancellationToken);
        return TypedResults.Ok(list.Select(d => DeviceResponse.From(d, current.Session.DeviceId)).ToArray());
    }

    private static async Task<NoContent> RemoveAsync(string id, HttpContext context, DeviceService devices, SessionService sessions, CancellationToken cancellationToken)
    {
        var current = context.RequireSession();
        var device = await devices.FindAsync(current.User.Id, id, cancellationToken) ?? throw new AuthsomeException(AuthsomeErrors.NotFound);
        await devices.RemoveAsync(device, sessions, cancellationToken);
        return TypedResults.NoContent();
    }

    private static Task<Ok<DeviceResponse>> TrustAsync(string id, HttpContext context, DeviceService devices, CancellationToken cancellationToken) =>
        SetTrustAsync(id, true, context, devices, cancellationToken);

    private static Task<Ok<DeviceResponse>> DistrustAsync(string id, HttpContext context, DeviceService devices, CancellationToken cancellationToken) =>
        SetTrustAsync(id, false, context, devices, cancellationToken);

    private static async Task<Ok<DeviceResponse>> SetTrustAsync(string id, bool trusted, HttpContext context, DeviceService devices, CancellationToken cancellationToken)
    {
        var current = context.RequireSession();
        var device = await devices.FindAsync(current.User.Id, id, cancellationToken) ?? throw new AuthsomeException(AuthsomeErrors.NotFound);
        return TypedResults.Ok(DeviceResponse.From(await devices.TrustAsync(device, trusted, cancellationToken), current.Session.DeviceId));
    }
}
