using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Authsome.Api.Tests.Social;

/// <summary>How the test provider misbehaves when asked to (an attacker's or a broken provider's ID token).</summary>
public enum Misbehaviour
{
    None,
    WrongNonce,
    WrongAudience,
    Expired,
}

/// <summary>The user the test provider signs in next.</summary>
public sealed record ProviderUser(string Subject, string? Email, bool EmailVerified, string? Name = null);

/// <summary>
/// A real OpenID Connect provider for the tests: an OpenIddict 7 authorization server on 127.0.0.1 (code flow with PKCE
/// required, RS256 ID tokens, discovery and JWKS), with one confidential client. Its authorization endpoint signs in
/// <see cref="User"/> at once, as if they had typed their password; <see cref="Misbehave"/> corrupts the next ID tokens.
/// </summary>
public sealed class TestOidcProvider : IAsyncDisposable
{
    public const string ClientId = "authsome";
    public const string ClientSecret = "authsome-test-secret";

    private readonly WebApplication app;

    private TestOidcProvider(WebApplication app, Uri issuer)
    {
        this.app = app;
        Issuer = issuer;
    }

    public Uri Issuer { get; }

    public ProviderUser User { get; set; } = new("provider-user-1", "someone@example.com", true);

    public Misbehaviour Misbehave { get; set; }

    public static async Task<TestOidcProvider> StartAsync(string redirectUri)
    {
        TestOidcProvider? provider = null;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Services.AddOpenIddict().AddServer(server =>
        {
            server.SetAuthorizationEndpointUris("connect/authorize").SetTokenEndpointUris("connect/token");
            server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
            server.RegisterScopes(Scopes.Email, Scopes.Profile);
            server.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
            server.EnableDegradedMode();
            server.UseAspNetCore().EnableAuthorizationEndpointPassthrough().DisableTransportSecurityRequirement();

            // Degraded mode has no application store: the one client is checked here.
            server.AddEventHandler<OpenIddictServerEvents.ValidateAuthorizationRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (context.ClientId != ClientId)
                {
                    context.Reject(OpenIddictConstants.Errors.InvalidClient, "Unknown client.");
                }
                else if (context.RedirectUri != redirectUri)
                {
                    context.Reject(OpenIddictConstants.Errors.InvalidRequest, "redirect_uri not registered.");
                }

                return default;
            }));
            server.AddEventHandler<OpenIddictServerEvents.ValidateTokenRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (context.ClientId != ClientId || context.ClientSecret != ClientSecret)
                {
                    context.Reject(OpenIddictConstants.Errors.InvalidClient, "Bad client credentials.");
                }

                return default;
            }));
            server.AddEventHandler<OpenIddictServerEvents.ProcessSignInContext>(handler => handler.UseInlineHandler(context =>
            {
                if (context.IdentityTokenPrincipal is not { } principal)
                {
                    return default;
                }

                switch (provider!.Misbehave)
                {
                    case Misbehaviour.WrongNonce:
                        principal.SetClaim(Claims.Nonce, "not-the-nonce-that-was-sent");
                        break;
                    case Misbehaviour.WrongAudience:
                        principal.SetAudiences("another-client");
                        break;
                    case Misbehaviour.Expired:
                        principal.SetCreationDate(DateTimeOffset.UtcNow.AddHours(-2));
                        principal.SetExpirationDate(DateTimeOffset.UtcNow.AddHours(-1));
                        break;
                }

                return default;
            }).SetOrder(OpenIddictServerHandlers.PrepareIdentityTokenPrincipal.Descriptor.Order + 1));
        });

        var app = builder.Build();
        app.MapGet("/connect/authorize", (HttpContext context) =>
        {
            var request = context.GetOpenIddictServerRequest()!;
            var user = provider!.User;
            var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
            identity.AddClaim(new Claim(Claims.Subject, user.Subject));
            if (user.Email is not null)
            {
                identity.AddClaim(new Claim(Claims.Email, user.Email));
                identity.AddClaim(new Claim(Claims.EmailVerified, user.EmailVerified ? "true" : "false", ClaimValueTypes.Boolean));
            }

            if (user.Name is not null)
            {
                identity.AddClaim(new Claim(Claims.Name, user.Name));
            }

            identity.SetScopes(request.GetScopes());
            identity.SetDestinations(_ => [Destinations.IdentityToken, Destinations.AccessToken]);
            return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        });

        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        provider = new TestOidcProvider(app, new Uri(address.TrimEnd('/') + "/"));

        // OpenIddict's first request builds its whole handler pipeline, which takes seconds on a busy machine: do it
        // here, so no test's flow runs into the engine's provider timeout.
        using var warmUp = new HttpClient();
        await warmUp.GetStringAsync(new Uri(provider.Issuer, ".well-known/openid-configuration"), TestContext.Current.CancellationToken);
        await warmUp.GetStringAsync(new Uri(provider.Issuer, ".well-known/jwks"), TestContext.Current.CancellationToken);
        return provider;
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
