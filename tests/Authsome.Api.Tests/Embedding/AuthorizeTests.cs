using System.Net;
using System.Security.Claims;
using Authsome.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Authsome.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;

namespace Authsome.Api.Tests.Embedding;

/// <summary>An application protects its own endpoints with [Authorize] through the Authsome scheme.</summary>
public sealed class AuthorizeTests : IAsyncLifetime
{
    private WebApplication? app;

    private WebApplication App => app!;

    public async ValueTask InitializeAsync() => app = await EmbeddingHost.StartAsync(
        a => a.UseMemory().AddPassword(),
        web =>
        {
            web.MapGet("/protected", [Authorize] (ClaimsPrincipal user) => Results.Ok(new
            {
                user_id = user.FindFirstValue(AuthsomeClaimTypes.UserId),
                session_id = user.FindFirstValue(AuthsomeClaimTypes.SessionId),
                app_id = user.FindFirstValue(AuthsomeClaimTypes.AppId),
                email = user.FindFirstValue(AuthsomeClaimTypes.Email),
            }));
            web.MapGet("/open", () => Results.Ok(new { open = true }));
        },
        new Dictionary<string, string?> { ["Authsome:Sessions:IssueCookie"] = "true" });

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task CanCallAnAuthorizedEndpointWithBearerToken()
    {
        using var client = App.Client();
        var session = await client.SignUpAsync();

        using var request = new HttpRequestMessage(HttpMethod.Get, "/protected");
        var answer = await client.SendAsync(request, session.AccessToken);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(session.UserId, answer.Str("user_id"));
        Assert.Equal(session.Email, answer.Str("email"));
        Assert.StartsWith("ases_", answer.Str("session_id"), StringComparison.Ordinal);
        Assert.StartsWith("aapp_", answer.Str("app_id"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CanCallAnAuthorizedEndpointWithTheSessionCookie()
    {
        using var client = App.Client(https: true);
        using var signUp = new HttpRequestMessage(HttpMethod.Post, ApiClient.Base + "/signup")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { email = ApiClient.NewEmail(), password = ApiClient.Password }),
        };
        using var response = await client.Http.SendAsync(signUp, TestContext.Current.CancellationToken);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/protected");
        request.Headers.Add("Cookie", cookie.Split(';')[0]);
        var answer = await client.SendAsync(request, null);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
    }

    [Fact]
    public async Task AnAuthorizedEndpointRefusesMissingAndInvalidTokens()
    {
        using var client = App.Client();
        var session = await client.SignUpAsync();
        await client.PostAsync("/signout", null, session.AccessToken);

        using var none = new HttpRequestMessage(HttpMethod.Get, "/protected");
        using var revoked = new HttpRequestMessage(HttpMethod.Get, "/protected");
        using var garbage = new HttpRequestMessage(HttpMethod.Get, "/protected");
        using var open = new HttpRequestMessage(HttpMethod.Get, "/open");

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(none, null)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(revoked, session.AccessToken)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(garbage, "garbage")).Status);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(open, null)).Status);
    }
}
