using System.Net;
using Authsome.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;

namespace Authsome.Api.Tests.Social;

/// <summary>
/// Plays the browser of the social flow: follows the redirects between our API (in memory) and the provider (over
/// loopback HTTP) by hand, keeping the flow's cookie, so a test can stop, replay or tamper at any step.
/// </summary>
public sealed class SocialBrowser(ApiClient api) : IDisposable
{
    public const string AppRedirect = "https://app.example.com/signed-in";

    private readonly HttpClient provider = new(new HttpClientHandler { AllowAutoRedirect = false });

    /// <summary>The flow cookie our API set, as a Cookie header value.</summary>
    public string? Cookie { get; set; }

    /// <summary>GET /social/{provider}: the provider's authorization URL.</summary>
    public async Task<Uri> StartAsync(string providerName = "test", string redirectUri = AppRedirect)
    {
        var answer = await api.GetAsync($"/social/{providerName}?redirect_uri={Uri.EscapeDataString(redirectUri)}");
        Assert.True(answer.Status == HttpStatusCode.Redirect, answer.Text);
        KeepCookie(answer);
        return answer.Headers.Location!;
    }

    /// <summary>POST /social/{provider}/link as <paramref name="token"/>'s user: the provider's authorization URL.</summary>
    public async Task<Uri> StartLinkAsync(string token, string providerName = "test")
    {
        var answer = await api.PostAsync($"/social/{providerName}/link", new { redirect_uri = AppRedirect }, token);
        Assert.True(answer.Status == HttpStatusCode.OK, answer.Text);
        KeepCookie(answer);
        return new Uri(answer.Str("authorization_url")!);
    }

    /// <summary>Signs in at the provider: the callback URL (ours) it sends the browser back to.</summary>
    public async Task<Uri> AtProviderAsync(Uri authorizationUrl)
    {
        using var response = await provider.GetAsync(authorizationUrl, TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return response.Headers.Location!;
    }

    /// <summary>Follows the provider's redirect to our callback, with the flow cookie.</summary>
    public async Task<Answer> CallbackAsync(Uri callback)
    {
        Assert.StartsWith("http://localhost" + ApiClient.Base, callback.AbsoluteUri, StringComparison.Ordinal);
        using var request = new HttpRequestMessage(HttpMethod.Get, callback.PathAndQuery);
        if (Cookie is not null)
        {
            request.Headers.Add("Cookie", Cookie);
        }

        return await api.SendAsync(request, null);
    }

    /// <summary>The whole flow: the query parameters the client's redirect_uri receives.</summary>
    public async Task<Dictionary<string, string>> CompleteAsync(Uri authorizationUrl)
    {
        var landed = await CallbackAsync(await AtProviderAsync(authorizationUrl));
        Assert.True(landed.Status == HttpStatusCode.Redirect, landed.Text);
        return Landing(landed);
    }

    /// <summary>The query parameters of a redirect to the client's redirect_uri.</summary>
    public static Dictionary<string, string> Landing(Answer answer)
    {
        var location = answer.Headers.Location!;
        Assert.StartsWith(AppRedirect, location.AbsoluteUri, StringComparison.Ordinal);
        return QueryHelpers.ParseQuery(location.Query).ToDictionary(p => p.Key, p => p.Value.ToString());
    }

    public void Dispose() => provider.Dispose();

    private void KeepCookie(Answer answer)
    {
        var setCookie = answer.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("authsome_social=", StringComparison.Ordinal));
        Cookie = setCookie.Split(';')[0];
    }
}
