using Authsome.Endpoints;
using Authsome.Endpoints.Contracts;
using Authsome.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Authsome.Plugins.Social;

/// <summary>The social flow's routes, and the caller's linked accounts.</summary>
internal static class SocialEndpoints
{
    private const string Tag = "Social sign-in";

    /// <summary>The cookie binding a flow to the browser that started it.</summary>
    public const string CookieName = "authsome_social";

    public static void MapSocialRoutes(this IEndpointRouteBuilder routes, RouteGroupBuilder authenticated)
    {
        routes.MapGet("/social/{provider}", StartAsync)
            .WithName("SocialSignIn").WithSummary("Go to the provider to sign in; comes back to redirect_uri with a one-time code").WithTags(Tag)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);

        // One operation per method: OpenAPI operation ids must be unique (POST is the form_post response mode, e.g. Apple).
        routes.MapGet("/social/{provider}/callback", CallbackAsync)
            .WithName("SocialCallback").WithSummary("Where the provider sends the browser back").WithTags(Tag)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
        routes.MapPost("/social/{provider}/callback", CallbackAsync)
            .WithName("SocialCallbackFormPost").WithSummary("Where the provider posts the browser back (form_post response mode)").WithTags(Tag)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);

        routes.MapPost("/social/exchange", ExchangeAsync)
            .WithName("SocialExchange").WithSummary("Exchange the one-time code from the redirect for the session's tokens").WithTags(Tag)
            .Accepts<SocialExchangeRequest>("application/json")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden);

        authenticated.MapPost("/social/{provider}/link", LinkAsync)
            .WithName("SocialLink").WithSummary("Start linking a provider account to the caller; open the returned URL in the browser").WithTags(Tag)
            .Accepts<SocialLinkRequest>("application/json")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status404NotFound);

        authenticated.MapGet("/me/accounts", ListAsync)
            .WithName("ListLinkedAccounts").WithSummary("The caller's linked provider accounts").WithTags(Tag)
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        authenticated.MapDelete("/me/accounts/{id}", UnlinkAsync)
            .WithName("UnlinkAccount").WithSummary("Unlink a provider account (not the last way to sign in)").WithTags(Tag)
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
    }

    private static async Task<RedirectHttpResult> StartAsync(string provider, [FromQuery(Name = "redirect_uri")] string? redirectUri, HttpContext context, SocialService social, CancellationToken cancellationToken)
    {
        var start = await social.StartAsync(provider, redirectUri, null, context.EngineBaseUrl(), cancellationToken);
        Bind(context, start);
        return TypedResults.Redirect(start.AuthorizationUrl.AbsoluteUri);
    }

    private static async Task<RedirectHttpResult> CallbackAsync(string provider, HttpContext context, SocialService social, CancellationToken cancellationToken)
    {
        var parameters = context.Request.HasFormContentType ? (await context.Request.ReadFormAsync(cancellationToken)).ToDictionary() : context.Request.Query.ToDictionary();
        string? Read(string name) => parameters.TryGetValue(name, out var value) && value.ToString() is { Length: > 0 } text ? text : null;
        context.Request.Cookies.TryGetValue(CookieName, out var binding);
        context.Response.Cookies.Delete(CookieName, CookieOptions(context, TimeSpan.Zero));
        var target = await social.CallbackAsync(provider, binding, Read("state"), Read("code"), Read("error"), context.EngineBaseUrl(), cancellationToken);
        return TypedResults.Redirect(target);
    }

    private static async Task<Ok<AuthResponse>> ExchangeAsync(SocialExchangeRequest body, HttpContext context, SocialService social, CancellationToken cancellationToken)
    {
        var (user, issued) = await social.ExchangeAsync(Accounts.InputRules.Required(body.Code, "code"), context.Client(), cancellationToken);
        SessionCookies.Issue(context, issued);
        return TypedResults.Ok(new AuthResponse
        {
            User = UserResponse.From(user),
            SessionToken = issued.AccessToken,
            RefreshToken = issued.RefreshToken,
            ExpiresAt = issued.Session.ExpiresAt,
            RefreshTokenExpiresAt = issued.Session.RefreshTokenExpiresAt,
        });
    }

    private static async Task<Ok<SocialLinkResponse>> LinkAsync(string provider, SocialLinkRequest body, HttpContext context, SocialService social, CancellationToken cancellationToken)
    {
        var caller = context.RequireSession();
        var start = await social.StartAsync(provider, body.RedirectUri, caller.User.Id, context.EngineBaseUrl(), cancellationToken);
        Bind(context, start);
        return TypedResults.Ok(new SocialLinkResponse(start.AuthorizationUrl.AbsoluteUri));
    }

    private static async Task<Ok<LinkedAccountResponse[]>> ListAsync(HttpContext context, SocialService social, CancellationToken cancellationToken)
    {
        var caller = context.RequireSession();
        var linked = await social.ListAsync(caller.User.Id, cancellationToken);
        return TypedResults.Ok(linked.Select(a => new LinkedAccountResponse(a.Id.ToString(), a.Provider, a.Email, a.CreatedAt)).ToArray());
    }

    private static async Task<NoContent> UnlinkAsync(string id, HttpContext context, SocialService social, CancellationToken cancellationToken)
    {
        await social.UnlinkAsync(context.RequireSession().User, id, cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>Sets the cookie that binds a started flow to this browser (the hosted pages start flows too).</summary>
    public static void Bind(HttpContext context, SocialStart start) =>
        context.Response.Cookies.Append(CookieName, start.BrowserBinding,
            CookieOptions(context, context.RequestServices.GetRequiredService<IOptionsMonitor<SocialOptions>>().CurrentValue.StateTtl));

    // SameSite=None (which needs Secure) so that a provider answering by form post still brings the cookie back; over
    // plain HTTP (development) Lax, which covers the usual redirect back.
    private static CookieOptions CookieOptions(HttpContext context, TimeSpan maxAge) => new()
    {
        HttpOnly = true,
        Secure = context.Request.IsHttps,
        SameSite = context.Request.IsHttps ? SameSiteMode.None : SameSiteMode.Lax,
        Path = context.Request.PathBase + context.RequestServices.GetRequiredService<IOptionsMonitor<AuthsomeOptions>>().CurrentValue.BasePath.TrimEnd('/') + "/social",
        MaxAge = maxAge,
        IsEssential = true,
    };
}

/// <summary>POST /social/exchange.</summary>
public sealed record SocialExchangeRequest
{
    /// <summary>The one-time code from the redirect.</summary>
    public string? Code { get; init; }

    /// <summary>Binds the body.</summary>
    public static ValueTask<SocialExchangeRequest> BindAsync(HttpContext context) => RequestBody.ReadAsync<SocialExchangeRequest>(context);
}

/// <summary>POST /social/{provider}/link.</summary>
public sealed record SocialLinkRequest
{
    /// <summary>Where to come back once linked (with <c>?linked={provider}</c> or <c>?error=...</c>); must be allowed.</summary>
    public string? RedirectUri { get; init; }

    /// <summary>Binds the body.</summary>
    public static ValueTask<SocialLinkRequest> BindAsync(HttpContext context) => RequestBody.ReadAsync<SocialLinkRequest>(context);
}

/// <summary>Where to send the browser to link.</summary>
/// <param name="AuthorizationUrl">The provider's sign-in page for this flow.</param>
public sealed record SocialLinkResponse(string AuthorizationUrl);

/// <summary>A linked provider account.</summary>
public sealed record LinkedAccountResponse(string Id, string Provider, string? Email, DateTimeOffset CreatedAt);
