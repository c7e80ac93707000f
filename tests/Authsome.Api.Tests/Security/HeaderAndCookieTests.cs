using System.Net;
using System.Net.Http.Json;
using Authsome.Api.Tests.Infrastructure;

namespace Authsome.Api.Tests.Security;

/// <summary>No caching of tokens or user data; the <c>__Host-</c> cookie; cookie-authenticated changes only from this site.</summary>
public sealed class HeaderAndCookieTests : IAsyncLifetime
{
    private ApiHost? host;

    private ApiHost Host => host!;

    public async ValueTask InitializeAsync() =>
        host = await ApiHost.StartAsync(Backend.Memory, settings: new Dictionary<string, string?> { ["Authsome:Sessions:IssueCookie"] = "true" });

    public async ValueTask DisposeAsync() => await Host.DisposeAsync();

    [Fact]
    public async Task AnswersWithTokensOrUserDataAreNotStored()
    {
        using var client = Host.CreateClient();
        var session = await client.SignUpAsync();

        var signIn = await client.PostAsync("/signin", new { email = session.Email, password = ApiClient.Password });
        var me = await client.GetAsync("/me", session.AccessToken);

        Assert.True(signIn.Headers.CacheControl?.NoStore, "sign-in");
        Assert.True(me.Headers.CacheControl?.NoStore, "me");
    }

    [Fact]
    public async Task TheSessionCookieHasTheHostPrefix()
    {
        using var client = Host.CreateClient(https: true);
        using var response = await SignUpAsync(client);

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("__Host-authsome_session=", cookie, StringComparison.Ordinal);
        Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("domain=", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task OverPlainHttpInDevelopmentTheSessionCookieDropsThePrefixAndStillAuthenticates()
    {
        using var client = Host.CreateClient();
        using var response = await SignUpAsync(client);

        // A browser refuses a __Host- cookie over http; the newcomer's http://localhost must still sign in.
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("authsome_session=", cookie, StringComparison.Ordinal);
        Assert.DoesNotContain("; secure", cookie, StringComparison.OrdinalIgnoreCase);
        using var me = new HttpRequestMessage(HttpMethod.Get, ApiClient.Base + "/me");
        me.Headers.Add("Cookie", cookie.Split(';')[0]);
        Assert.Equal(HttpStatusCode.OK, (await client.Http.SendAsync(me, TestContext.Current.CancellationToken)).StatusCode);
    }

    [Theory]
    [InlineData("Sec-Fetch-Site", "same-site")]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    [InlineData("Origin", "https://evil.example.com")]
    public async Task ACookieAuthenticatedSignOutFromAnotherSiteIsRefused(string header, string value)
    {
        using var client = Host.CreateClient();
        var cookie = await SessionCookieAsync(client);

        var refused = await SignOutAsync(client, cookie, header, value);
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Equal("cross_site_request", refused.Code);

        Assert.Equal(HttpStatusCode.NoContent, (await SignOutAsync(client, cookie, "Sec-Fetch-Site", "same-origin")).Status);
    }

    private static async Task<Answer> SignOutAsync(ApiClient client, string cookie, string header, string value)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, ApiClient.Base + "/signout");
        request.Headers.Add("Cookie", cookie);
        request.Headers.Add(header, value);
        return await client.SendAsync(request, null);
    }

    private static async Task<string> SessionCookieAsync(ApiClient client)
    {
        using var response = await SignUpAsync(client);
        return Assert.Single(response.Headers.GetValues("Set-Cookie")).Split(';')[0];
    }

    private static async Task<HttpResponseMessage> SignUpAsync(ApiClient client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, ApiClient.Base + "/signup")
        {
            Content = JsonContent.Create(new { email = ApiClient.NewEmail(), password = ApiClient.Password }),
        };
        var response = await client.Http.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return response;
    }
}
