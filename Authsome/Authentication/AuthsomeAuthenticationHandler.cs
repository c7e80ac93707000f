using System.Security.Claims;
using System.Text.Encodings.Web;
using Authsome.Errors;
using Authsome.Sessions;
using Authsome.Store;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Authsome.Authentication;

/// <summary>
/// Authenticates requests by an Authsome session token, sent as a bearer token or in the session cookie. No token:
/// no result (other schemes may try). A token that is unknown, expired, revoked, or whose user is gone or banned:
/// failure. Otherwise the principal carries the user, session, app and email as claims.
/// </summary>
internal sealed partial class AuthsomeAuthenticationHandler(
    IOptionsMonitor<AuthsomeAuthenticationOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    SessionService sessions,
    IOptionsMonitor<AuthsomeOptions> engineOptions)
    : AuthenticationHandler<AuthsomeAuthenticationOptions>(options, loggerFactory, encoder)
{
    private const string BearerPrefix = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = ReadToken();
        if (token is null)
        {
            return AuthenticateResult.NoResult();
        }

        AuthenticatedSession? authenticated;
        try
        {
            authenticated = await sessions.AuthenticateAsync(token, Context.RequestAborted);
        }
        catch (StoreUnavailableException ex)
        {
            LogStoreUnavailable(Logger, ex);
            return AuthenticateResult.Fail("The session could not be checked.");
        }

        if (authenticated is null)
        {
            return AuthenticateResult.Fail("The session token is invalid or expired.");
        }

        Context.SetAuthsomeSession(authenticated);
        var (session, user) = (authenticated.Session, authenticated.User);
        var claims = new List<Claim>
        {
            new(AuthsomeClaimTypes.UserId, user.Id.ToString()),
            new(ClaimTypes.NameIdentifier, user.Id.ToString()),
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
        var failed = (await HandleAuthenticateOnceSafeAsync()).Failure is not null;
        Response.Headers.WWWAuthenticate = failed ? "Bearer error=\"invalid_token\"" : "Bearer";
        await ProblemResponses.WriteAsync(Context, AuthsomeErrors.Unauthenticated,
            failed ? "The session token is invalid or expired." : "Send a session token as a bearer token or cookie.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ProblemResponses.WriteAsync(Context, AuthsomeErrors.Forbidden, "You may not do this.");

    private string? ReadToken()
    {
        if (Options.AcceptBearer)
        {
            string? header = Request.Headers[HeaderNames.Authorization];
            if (header is not null && header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
            {
                var token = header[BearerPrefix.Length..].Trim();
                return token.Length == 0 ? null : token;
            }
        }

        if (Options.AcceptCookie
            && Request.Cookies.TryGetValue(Options.CookieName ?? engineOptions.CurrentValue.Sessions.CookieName, out var cookie)
            && !string.IsNullOrEmpty(cookie))
        {
            return cookie;
        }

        return null;
    }

    [LoggerMessage(EventId = 3601, Level = LogLevel.Warning, Message = "The store is unavailable; a session could not be checked")]
    private static partial void LogStoreUnavailable(ILogger logger, Exception exception);
}
