using System.Security.Claims;
using Authsome.Authentication;
using Authsome.Errors;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Authsome.ApiKeys;

/// <summary>
/// The API-key half of the Authsome scheme: reads <c>X-API-Key: sk_...</c> or <c>Authorization: Bearer sk_...</c>,
/// checks the key, and builds the principal (the owner's id as <c>sub</c>, the key id, app, environment and scopes).
/// A refused key's error (invalid, expired, revoked) is kept for the challenge, so the 401 carries its own code.
/// </summary>
internal static class ApiKeyAuthentication
{
    /// <summary>The header an API key may be sent in.</summary>
    public const string HeaderName = "X-API-Key";

    private const string BearerPrefix = "Bearer ";
    private static readonly object FailureKey = new();
    private static readonly object KeyKey = new();

    /// <summary>The presented API key, or null when the request carries none (a bearer token that is not <c>sk_...</c> is a session token).</summary>
    public static string? Read(HttpRequest request, bool acceptBearer)
    {
        if (request.Headers[HeaderName].ToString() is { Length: > 0 } header)
        {
            return header.Trim();
        }

        if (acceptBearer
            && request.Headers[HeaderNames.Authorization].ToString() is var authorization
            && authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase)
            && authorization[BearerPrefix.Length..].Trim() is var token
            && ApiKeySecret.IsApiKeyShaped(token))
        {
            return token;
        }

        return null;
    }

    public static async Task<AuthenticateResult> AuthenticateAsync(HttpContext context, ApiKeyService keys, string secret, string scheme)
    {
        var (authenticated, error) = await keys.AuthenticateAsync(secret, context.RequestAborted);
        if (authenticated is null)
        {
            context.Items[FailureKey] = error ?? AuthsomeErrors.ApiKeyInvalid;
            return AuthenticateResult.Fail(error?.Title ?? "Invalid API key");
        }

        context.Items[KeyKey] = authenticated;
        var key = authenticated.Key;
        var subject = authenticated.User?.Id.ToString() ?? authenticated.ServiceAccount!.Id.ToString();
        var claims = new List<Claim>
        {
            new(AuthsomeClaimTypes.UserId, subject),
            new(ClaimTypes.NameIdentifier, subject),
            new(AuthsomeClaimTypes.ApiKeyId, key.Id.ToString()),
            new(AuthsomeClaimTypes.AppId, key.AppId.ToString()),
        };
        if (key.EnvId is { } envId)
        {
            claims.Add(new Claim(AuthsomeClaimTypes.EnvironmentId, envId.ToString()));
        }

        if (authenticated.User is { } user)
        {
            claims.Add(new Claim(AuthsomeClaimTypes.Email, user.Email));
            claims.Add(new Claim(ClaimTypes.Email, user.Email));
        }

        if (authenticated.ServiceAccount is { } account)
        {
            claims.Add(new Claim(AuthsomeClaimTypes.ServiceAccountId, account.Id.ToString()));
            claims.Add(new Claim(ClaimTypes.Name, account.Name));
        }

        claims.AddRange(key.Scopes.Select(scope => new Claim(AuthsomeClaimTypes.Scope, scope)));
        var identity = new ClaimsIdentity(claims, scheme, ClaimTypes.Name, ClaimTypes.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), scheme));
    }

    /// <summary>The error a refused API key gets, when the request presented one.</summary>
    public static AuthsomeError? FailureOf(HttpContext context) => context.Items.TryGetValue(FailureKey, out var value) ? value as AuthsomeError : null;

    /// <summary>The API key the scheme accepted for this request, or null.</summary>
    public static AuthenticatedApiKey? KeyOf(HttpContext context) => context.Items.TryGetValue(KeyKey, out var value) ? value as AuthenticatedApiKey : null;
}
