using System.Security.Claims;
using System.Text.Encodings.Web;
using Authsome.ApiKeys;
using Authsome.Endpoints;
using Authsome.Errors;
using Authsome.Sessions;
using Authsome.Store;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Authsome.Authentication;

/// <summary>
/// Authenticates requests by an Authsome session token, sent as a bearer token or in the session cookie. No token:
/// no result (other schemes may try). A token that is unknown, expired, revoked, or whose user is gone or banned:
/// failure. Otherwise the principal carries the user, session, app and email as claims. When the store cannot be
/// reached the session is neither valid nor invalid: the challenge answers 503 with <c>Retry-After</c>, never 401,
/// because clients discard their tokens on 401 and an outage must not sign everyone out.
/// </summary>
internal sealed partial class AuthsomeAuthenticationHandler(
    IOptionsMonitor<AuthsomeAuthenticationOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    SessionService sessions,
    ApiKeyService apiKeys,
    IOptionsMonitor<AuthsomeOptions> engineOptions)
    : AuthenticationHandler<AuthsomeAuthenticationOptions>(options, loggerFactory, encoder)
{
    private const string BearerPrefix = "Bearer ";

    /// <summary>Seconds a client should wait before retrying when the store is unavailable.</summary>
    private const int StoreRetryAfterSeconds = 5;

    private bool _storeUnavailable;
    private bool _crossSite;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (ApiKeyAuthentication.Read(Request, Options.AcceptBearer) is { } apiKey)
        {
            try
            {
                return await ApiKeyAuthentication.AuthenticateAsync(Context, apiKeys, apiKey, Scheme.Name);
            }
            catch (StoreUnavailableException ex)
            {
                // An outage is not a refusal: 503, like a session that could not be checked.
                LogStoreUnavailable(Logger, ex);
                _storeUnavailable = true;
                return AuthenticateResult.Fail("The API key could not be checked.");
            }
        }

        var (token, fromCookie) = ReadToken();
        if (token is null)
        {
            return AuthenticateResult.NoResult();
        }

        // SameSite is not enough: a sibling subdomain is the same site. A browser says where a request comes from.
        if (fromCookie && IsCrossSiteChange())
        {
            _crossSite = true;
            return AuthenticateResult.Fail("A cookie-authenticated change came from another site.");
        }

        AuthenticatedSession? authenticated;
        try
        {
            authenticated = await sessions.AuthenticateAsync(token, Endpoints.EndpointContext.Client(Context), Context.RequestAborted);
        }
        catch (StoreUnavailableException ex)
        {
            LogStoreUnavailable(Logger, ex);
            _storeUnavailable = true;
            return AuthenticateResult.Fail("The session could not be checked.");
        }
        catch (AuthsomeException ex) when (ex.Error == AuthsomeErrors.PublishableKeyInvalid)
        {
            // A session of no known app: the request goes on unauthenticated, and the route answers the key's problem.
            return AuthenticateResult.Fail(ex.Message);
        }

        if (authenticated is null)
        {
            return AuthenticateResult.Fail("The session token is invalid or expired.");
        }

        Context.SetAuthsomeSession(authenticated);
        var (session, user) = (authenticated.Session, authenticated.User);
        var userId = user.Id.ToString();
        var claims = new List<Claim>(9)
        {
            new(AuthsomeClaimTypes.UserId, userId),
            new(ClaimTypes.NameIdentifier, userId),
            new(AuthsomeClaimTypes.SessionId, session.Id.ToString()),
            new(AuthsomeClaimTypes.AppId, session.AppId.ToString()),
            new(AuthsomeClaimTypes.EnvironmentId, session.EnvId.ToString()),
            new(AuthsomeClaimTypes.Email, user.Email),
            new(ClaimTypes.Email, user.Email),
            new(AuthsomeClaimTypes.EmailVerified, user.EmailVerified ? "true" : "false", ClaimValueTypes.Boolean),
        };
        if (user.Name is { } name)
        {
            claims.Add(new Claim(ClaimTypes.Name, name));
        }

        var identity = new ClaimsIdentity(claims, Scheme.Name, ClaimTypes.Name, ClaimTypes.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if ((await HandleAuthenticateOnceSafeAsync()).Failure is not null && _storeUnavailable)
        {
            await ProblemResponses.WriteAsync(Context, AuthsomeErrors.StoreUnavailable,
                "The credentials could not be checked; retry later. They were not rejected.", retryAfterSeconds: StoreRetryAfterSeconds);
            return;
        }

        if (_crossSite)
        {
            await ProblemResponses.WriteAsync(Context, AuthsomeErrors.CrossSiteRequest,
                "Changes authenticated by the session cookie must come from this site; send the token as a bearer token instead.");
            return;
        }

        var failed = (await HandleAuthenticateOnceSafeAsync()).Failure is not null;
        Response.Headers.WWWAuthenticate = failed ? "Bearer error=\"invalid_token\"" : "Bearer";
        if (ApiKeyAuthentication.FailureOf(Context) is { } keyError)
        {
            await ProblemResponses.WriteAsync(Context, keyError, "The API key was refused.");
            return;
        }

        await ProblemResponses.WriteAsync(Context, AuthsomeErrors.Unauthenticated,
            failed ? "The session token is invalid or expired." : "Send a session token as a bearer token or cookie.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ProblemResponses.WriteAsync(Context, AuthsomeErrors.Forbidden, "You may not do this.");

    private (string? Token, bool FromCookie) ReadToken()
    {
        if (Options.AcceptBearer)
        {
            string? header = Request.Headers[HeaderNames.Authorization];
            if (header is not null && header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
            {
                var token = header[BearerPrefix.Length..].Trim();
                return (token.Length == 0 ? null : token, false);
            }
        }

        if (Options.AcceptCookie
            && Request.Cookies.TryGetValue(SessionCookies.For(Context, Options.CookieName ?? engineOptions.CurrentValue.Sessions.CookieName).Name, out var cookie)
            && !string.IsNullOrEmpty(cookie))
        {
            return (cookie, true);
        }

        return (null, false);
    }

    /// <summary>
    /// An unsafe method whose <c>Sec-Fetch-Site</c> is not <c>same-origin</c> (or <c>none</c>: typed by the user), or,
    /// from browsers that do not send it, whose <c>Origin</c> is not this host. Requests with neither header do not
    /// come from a browser page, which is what cross-site request forgery needs.
    /// </summary>
    private bool IsCrossSiteChange()
    {
        var method = Request.Method;
        if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method))
        {
            return false;
        }

        var site = Request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0)
        {
            return site is not ("same-origin" or "none");
        }

        var origin = Request.Headers.Origin.ToString();
        return origin.Length > 0 && !string.Equals(origin, $"{Request.Scheme}://{Request.Host}", StringComparison.OrdinalIgnoreCase);
    }

    [LoggerMessage(EventId = 3601, Level = LogLevel.Warning, Message = "The store is unavailable; a session could not be checked")]
    private static partial void LogStoreUnavailable(ILogger logger, Exception exception);
}
