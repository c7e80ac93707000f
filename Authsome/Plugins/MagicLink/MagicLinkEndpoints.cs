using Authsome.Accounts;
using Authsome.Endpoints;
using Authsome.Endpoints.Contracts;
using Authsome.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Authsome.Plugins.MagicLink;

/// <summary>Asking for a sign-in link and signing in with it.</summary>
internal static class MagicLinkEndpoints
{
    private const string Tag = "Magic link";

    public static void MapMagicLinkRoutes(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/magic-link", RequestAsync)
            .WithName("RequestMagicLink").WithSummary("Mail a sign-in link; answers 202 whether or not the address has an account").WithTags(Tag)
            .Accepts<MagicLinkRequest>("application/json")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status429TooManyRequests)
            .RequireRateLimiting(MagicLinkPlugin.RateLimitPolicy);

        routes.MapPost("/magic-link/verify", VerifyAsync)
            .WithName("VerifyMagicLink").WithSummary("Sign in (or sign up) with the token from a sign-in link").WithTags(Tag)
            .Accepts<MagicLinkVerifyRequest>("application/json")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status429TooManyRequests)
            .RequireRateLimiting(MagicLinkPlugin.RateLimitPolicy);
    }

    private static async Task<Accepted<MessageResponse>> RequestAsync(MagicLinkRequest body, MagicLinkService magicLinks, CancellationToken cancellationToken)
    {
        await magicLinks.RequestAsync(InputRules.Email(body.Email), body.RedirectUri, cancellationToken);
        return TypedResults.Accepted((string?)null, new MessageResponse("If this address can sign in, a sign-in link is on its way."));
    }

    private static async Task<Ok<MagicLinkResponse>> VerifyAsync(MagicLinkVerifyRequest body, HttpContext context, MagicLinkService magicLinks, CancellationToken cancellationToken)
    {
        var result = await magicLinks.VerifyAsync(InputRules.Required(body.Token, "token"), context.Client(), cancellationToken);
        SessionCookies.Issue(context, result.Session);
        return TypedResults.Ok(new MagicLinkResponse
        {
            User = UserResponse.From(result.User),
            SessionToken = result.Session.AccessToken,
            RefreshToken = result.Session.RefreshToken,
            ExpiresAt = result.Session.Session.ExpiresAt,
            RefreshTokenExpiresAt = result.Session.Session.RefreshTokenExpiresAt,
            RedirectUri = result.RedirectUri,
        });
    }
}

/// <summary>POST /magic-link.</summary>
public sealed record MagicLinkRequest
{
    /// <summary>The address to mail the link to.</summary>
    public string? Email { get; init; }

    /// <summary>Where the client wants to land after sign-in; must be in <c>Authsome:MagicLink:AllowedRedirectUris</c>.</summary>
    public string? RedirectUri { get; init; }

    /// <summary>Binds the body.</summary>
    public static ValueTask<MagicLinkRequest> BindAsync(HttpContext context) => RequestBody.ReadAsync<MagicLinkRequest>(context);
}

/// <summary>POST /magic-link/verify.</summary>
public sealed record MagicLinkVerifyRequest
{
    /// <summary>The token from the link.</summary>
    public string? Token { get; init; }

    /// <summary>Binds the body.</summary>
    public static ValueTask<MagicLinkVerifyRequest> BindAsync(HttpContext context) => RequestBody.ReadAsync<MagicLinkVerifyRequest>(context);
}

/// <summary>The tokens of the new session, and where the link asked to land.</summary>
public sealed record MagicLinkResponse
{
    public required UserResponse User { get; init; }
    public required string SessionToken { get; init; }
    public required string RefreshToken { get; init; }
    public required DateTimeOffset ExpiresAt { get; init; }
    public required DateTimeOffset RefreshTokenExpiresAt { get; init; }

    /// <summary>The <c>redirect_uri</c> given when the link was asked for, if any.</summary>
    public string? RedirectUri { get; init; }
}
