using System.Net;
using Authsome.Api.Tests.Infrastructure;

namespace Authsome.Api.Tests.Security;

/// <summary>Rate limits are in memory, so one backend is enough.</summary>
public sealed class RateLimitTests
{
    [Fact]
    public async Task SignInBeyondItsLimitIsRateLimitedWithRetryAfter()
    {
        await using var host = await ApiHost.StartAsync(Backend.Memory, settings: new Dictionary<string, string?>
        {
            ["Authsome:RateLimits:SignIn:PermitLimit"] = "2",
            ["Authsome:RateLimits:SignIn:Window"] = "00:01:00",
        });
        using var client = host.CreateClient();
        var body = new { email = ApiClient.NewEmail(), password = ApiClient.Password };

        await client.PostAsync("/signin", body);
        await client.PostAsync("/signin", body);
        var limited = await client.PostAsync("/signin", body);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.Status);
        Assert.Equal("rate_limited", limited.Code);
        Assert.Equal("application/problem+json", limited.MediaType);
        Assert.InRange(limited.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 60);
        // Other routes have their own budgets.
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("/signup", new { email = ApiClient.NewEmail(), password = ApiClient.Password })).Status);
    }

    [Fact]
    public async Task TheGeneralLimitCountsEachRouteSeparately()
    {
        await using var host = await ApiHost.StartAsync(Backend.Memory, settings: new Dictionary<string, string?>
        {
            ["Authsome:RateLimits:General:PermitLimit"] = "3",
        });
        using var client = host.CreateClient();
        var session = await client.SignUpAsync();

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/me", session.AccessToken)).Status);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.GetAsync("/me", session.AccessToken)).Status);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/sessions", session.AccessToken)).Status);
    }

    [Fact]
    public async Task ARequestOverTheLimitIsRefusedBeforeItsSessionIsLookedUp()
    {
        await using var host = await ApiHost.StartAsync(Backend.Memory, settings: new Dictionary<string, string?>
        {
            ["Authsome:RateLimits:General:PermitLimit"] = "1",
        });
        using var client = host.CreateClient();
        const string unknownToken = "not-a-session-token-of-this-server-at-all";

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/me", unknownToken)).Status);
        // Had authentication run first, this would be a 401 again: the token was looked up before the limiter refused.
        var limited = await client.GetAsync("/me", unknownToken);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.Status);
        Assert.Equal("rate_limited", limited.Code);
    }

    [Fact]
    public async Task ForgotPasswordHasItsOwnStrictLimit()
    {
        await using var host = await ApiHost.StartAsync(Backend.Memory, settings: new Dictionary<string, string?>
        {
            ["Authsome:RateLimits:PasswordReset:PermitLimit"] = "1",
        });
        using var client = host.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/forgot-password", new { email = ApiClient.NewEmail() })).Status);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.PostAsync("/forgot-password", new { email = ApiClient.NewEmail() })).Status);
    }
}
