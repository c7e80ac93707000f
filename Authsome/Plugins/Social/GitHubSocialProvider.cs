using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.WebUtilities;

namespace Authsome.Plugins.Social;

/// <summary>
/// GitHub, which speaks OAuth 2.0 without OpenID Connect: the code (with PKCE) is exchanged for an access token, and
/// the user is read from <c>/user</c> and their emails from <c>/user/emails</c> (only a verified one is taken as verified).
/// No ID token, so no nonce: the state and PKCE carry the protection.
/// </summary>
internal sealed class GitHubSocialProvider(ResolvedProvider provider, HttpClient http) : ISocialProvider
{
    private const string AuthorizeUrl = "https://github.com/login/oauth/authorize";
    private const string TokenUrl = "https://github.com/login/oauth/access_token";
    private const string Api = "https://api.github.com";

    public ValueTask<Uri> AuthorizationUrlAsync(AuthorizationRequest request, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new Uri(QueryHelpers.AddQueryString(AuthorizeUrl, new Dictionary<string, string?>
        {
            ["client_id"] = provider.ClientId,
            ["redirect_uri"] = request.CallbackUrl,
            ["scope"] = string.Join(' ', provider.Scopes),
            ["state"] = request.State,
            ["code_challenge"] = request.CodeChallenge,
            ["code_challenge_method"] = "S256",
            ["allow_signup"] = "true",
        })));

    public async ValueTask<SocialIdentity> CompleteAsync(string code, string callbackUrl, string codeVerifier, string nonce, CancellationToken cancellationToken)
    {
        var tokens = await TokenEndpoint.ExchangeAsync(http, TokenUrl, provider, code, callbackUrl, codeVerifier, cancellationToken);
        try
        {
            var user = await GetAsync<GitHubUser>("/user", tokens.AccessToken, cancellationToken);
            var emails = await GetAsync<GitHubEmail[]>("/user/emails", tokens.AccessToken, cancellationToken);
            var email = emails.Where(e => e.Verified).OrderByDescending(e => e.Primary).FirstOrDefault()
                ?? emails.FirstOrDefault(e => e.Primary);
            return new SocialIdentity(
                user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                email?.Email.ToLowerInvariant(),
                email?.Verified ?? false,
                user.Name ?? user.Login,
                user.AvatarUrl,
                tokens.AccessToken,
                tokens.RefreshToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or System.Text.Json.JsonException)
        {
            throw new SocialFlowException(SocialErrors.ProviderError, "GitHub's user API did not answer as expected.", ex);
        }
    }

    private async Task<T> GetAsync<T>(string path, string accessToken, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Api + path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("Authsome", "1.0"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/vnd.github+json"));
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<T>(cancellationToken) ?? throw new System.Text.Json.JsonException("Empty answer.");
    }

    private sealed record GitHubUser(
        [property: JsonPropertyName("id")] long Id,
        [property: JsonPropertyName("login")] string Login,
        [property: JsonPropertyName("name")] string? Name,
        [property: JsonPropertyName("avatar_url")] string? AvatarUrl);

    private sealed record GitHubEmail(
        [property: JsonPropertyName("email")] string Email,
        [property: JsonPropertyName("primary")] bool Primary,
        [property: JsonPropertyName("verified")] bool Verified);
}
