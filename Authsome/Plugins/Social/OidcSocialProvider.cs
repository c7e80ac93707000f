using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Authsome.Plugins.Social;

/// <summary>
/// An OpenID Connect provider found by its discovery document: authorization code flow with PKCE (S256) and a nonce,
/// the code exchanged at the token endpoint, and the ID token validated by <see cref="JsonWebTokenHandler"/> against the
/// provider's published keys (refetched once when a token names an unknown key), issuer, audience (our client id),
/// lifetime (by the engine's clock) and nonce.
/// </summary>
internal sealed class OidcSocialProvider : ISocialProvider
{
    private readonly ResolvedProvider provider;
    private readonly HttpClient http;
    private readonly TimeProvider time;
    private readonly ConfigurationManager<OpenIdConnectConfiguration> configuration;
    private readonly JsonWebTokenHandler handler = new() { MapInboundClaims = false };

    public OidcSocialProvider(ResolvedProvider provider, HttpClient http, TimeProvider time)
    {
        this.provider = provider;
        this.http = http;
        this.time = time;
        configuration = new ConfigurationManager<OpenIdConnectConfiguration>(
            provider.Authority!.TrimEnd('/') + "/.well-known/openid-configuration",
            new OpenIdConnectConfigurationRetriever(),
            new HttpDocumentRetriever(http) { RequireHttps = provider.RequireHttpsMetadata });
    }

    public async ValueTask<Uri> AuthorizationUrlAsync(AuthorizationRequest request, CancellationToken cancellationToken)
    {
        var config = await ConfigurationAsync(cancellationToken);
        var query = new Dictionary<string, string?>
        {
            ["response_type"] = "code",
            ["client_id"] = provider.ClientId,
            ["redirect_uri"] = request.CallbackUrl,
            ["scope"] = string.Join(' ', provider.Scopes),
            ["state"] = request.State,
            ["nonce"] = request.Nonce,
            ["code_challenge"] = request.CodeChallenge,
            ["code_challenge_method"] = "S256",
            ["response_mode"] = provider.FormPost ? "form_post" : null,
        };
        return new Uri(Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(config.AuthorizationEndpoint, query));
    }

    public async ValueTask<SocialIdentity> CompleteAsync(string code, string callbackUrl, string codeVerifier, string nonce, CancellationToken cancellationToken)
    {
        var config = await ConfigurationAsync(cancellationToken);
        var answer = await TokenEndpoint.ExchangeAsync(http, config.TokenEndpoint, provider, code, callbackUrl, codeVerifier, cancellationToken);
        if (string.IsNullOrEmpty(answer.IdToken))
        {
            throw new SocialFlowException(SocialErrors.ProviderError, "The provider's token answer has no ID token.");
        }

        var result = await ValidateAsync(answer.IdToken, config);
        if (result.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            // The provider may have rotated its keys since we cached them: fetch them once more.
            configuration.RequestRefresh();
            result = await ValidateAsync(answer.IdToken, await ConfigurationAsync(cancellationToken));
        }

        if (!result.IsValid || result.SecurityToken is not JsonWebToken token)
        {
            throw new SocialFlowException(SocialErrors.IdentityInvalid, "The provider's ID token did not validate.", result.Exception);
        }

        var received = token.TryGetPayloadValue<string>("nonce", out var value) ? value : null;
        if (received is null || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(received), Encoding.UTF8.GetBytes(nonce)))
        {
            throw new SocialFlowException(SocialErrors.IdentityInvalid, "The ID token's nonce is not this sign-in's.");
        }

        return new SocialIdentity(
            token.Subject,
            Claim(token, "email")?.ToLowerInvariant(),
            Claim(token, "email_verified") is { } verified && bool.TryParse(verified, out var isVerified) && isVerified,
            Claim(token, "name"),
            Claim(token, "picture"),
            answer.AccessToken,
            answer.RefreshToken);
    }

    private async Task<OpenIdConnectConfiguration> ConfigurationAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await configuration.GetConfigurationAsync(cancellationToken);
        }
        catch (InvalidOperationException ex)
        {
            // What ConfigurationManager throws when the discovery document or keys cannot be fetched or read.
            throw new SocialFlowException(SocialErrors.ProviderError, "The provider's discovery document could not be read.", ex);
        }
    }

    private Task<TokenValidationResult> ValidateAsync(string idToken, OpenIdConnectConfiguration config) =>
        handler.ValidateTokenAsync(idToken, new TokenValidationParameters
        {
            ValidIssuer = config.Issuer,
            IssuerValidator = config.Issuer.Contains("{tenantid}", StringComparison.Ordinal) ? TenantIssuer(config.Issuer) : null,
            ValidAudience = provider.ClientId,
            IssuerSigningKeys = config.SigningKeys,
            ClockSkew = TimeSpan.FromMinutes(1),
            LifetimeValidator = (notBefore, expires, _, parameters) =>
            {
                var now = time.GetUtcNow().UtcDateTime;
                return expires is { } exp && exp + parameters.ClockSkew > now && (notBefore is not { } nbf || nbf - parameters.ClockSkew <= now);
            },
        });

    /// <summary>Microsoft's multi-tenant endpoints publish an issuer template; the token's own tenant fills it.</summary>
    private static IssuerValidator TenantIssuer(string template) => (issuer, token, _) =>
        token is JsonWebToken jwt && jwt.TryGetPayloadValue<string>("tid", out var tenant)
        && string.Equals(issuer, template.Replace("{tenantid}", tenant, StringComparison.Ordinal), StringComparison.Ordinal)
            ? issuer
            : throw new SecurityTokenInvalidIssuerException("The issuer is not the token's tenant's.");

    private static string? Claim(JsonWebToken token, string name) =>
        token.TryGetClaim(name, out var claim) && !string.IsNullOrEmpty(claim.Value) ? claim.Value : null;
}
