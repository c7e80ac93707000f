using System.Net.Http.Headers;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Authsome.Plugins.Social;

/// <summary>The OAuth 2.0 token request of the code flow (client secret in the body, PKCE verifier), and its answer.</summary>
internal static class TokenEndpoint
{
    public static async ValueTask<OpenIdConnectMessage> ExchangeAsync(
        HttpClient http, string endpoint, ResolvedProvider provider, string code, string callbackUrl, string codeVerifier, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "authorization_code",
                ["code"] = code,
                ["redirect_uri"] = callbackUrl,
                ["code_verifier"] = codeVerifier,
                ["client_id"] = provider.ClientId,
                ["client_secret"] = provider.ClientSecret ?? string.Empty,
            }),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        string body;
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            body = await response.Content.ReadAsStringAsync(cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new SocialFlowException(SocialErrors.ProviderError, "The provider's token endpoint could not be reached.", ex);
        }

        OpenIdConnectMessage answer;
        try
        {
            answer = new OpenIdConnectMessage(body);
        }
        catch (Exception ex) when (ex is ArgumentException or System.Text.Json.JsonException)
        {
            throw new SocialFlowException(SocialErrors.ProviderError, "The provider's token answer is not JSON.", ex);
        }

        return string.IsNullOrEmpty(answer.Error) && !string.IsNullOrEmpty(answer.AccessToken)
            ? answer
            : throw new SocialFlowException(SocialErrors.ProviderError, $"The provider refused the code: {answer.Error ?? "no access token"}.");
    }
}
