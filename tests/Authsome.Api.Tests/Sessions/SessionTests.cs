using System.Net;
using Authsome.Api.Tests.Infrastructure;

namespace Authsome.Api.Tests.Sessions;

public abstract class SessionTests(HostFixture fixture)
{
    private ApiHost Host => fixture.Host;

    [Fact]
    public async Task RefreshRotatesBothTokens()
    {
        using var client = Host.CreateClient();
        var session = await client.SignUpAsync();

        var refreshed = await client.PostAsync("/refresh", new { refresh_token = session.RefreshToken });

        Assert.Equal(HttpStatusCode.OK, refreshed.Status);
        var access = refreshed.Str("session_token")!;
        Assert.NotEqual(session.AccessToken, access);
        Assert.NotEqual(session.RefreshToken, refreshed.Str("refresh_token"));
        Assert.NotNull(refreshed.Str("expires_at"));
        // The rotated-out access token stops working at once; the new one works.
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/me", session.AccessToken)).Status);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/me", access)).Status);
    }

    [Fact]
    public async Task RefreshFailsGivenReusedTokenAndRevokesTheFamily()
    {
        using var client = Host.CreateClient();
        var session = await client.SignUpAsync();
        var refreshed = await client.PostAsync("/refresh", new { refresh_token = session.RefreshToken });
        var current = refreshed.Str("session_token")!;
        var currentRefresh = refreshed.Str("refresh_token")!;
        var otherSession = await client.SignInAsync(session.Email);

        var replay = await client.PostAsync("/refresh", new { refresh_token = session.RefreshToken });

        Assert.Equal(HttpStatusCode.Unauthorized, replay.Status);
        Assert.Equal("token_reused", replay.Code);
        // The thief's and the victim's copies of the family are both dead.
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/me", current)).Status);
        Assert.Equal("token_invalid", (await client.PostAsync("/refresh", new { refresh_token = currentRefresh })).Code);
        // Another family (another sign-in) is untouched.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/me", otherSession.AccessToken)).Status);
        // Replaying again still says reuse.
        Assert.Equal("token_reused", (await client.PostAsync("/refresh", new { refresh_token = session.RefreshToken })).Code);
    }

    [Fact]
    public async Task RefreshWithUnknownOrMalformedTokenIsInvalid()
    {
        using var client = Host.CreateClient();

        var unknown = await client.PostAsync("/refresh", new { refresh_token = new string('x', 43) });
        var malformed = await client.PostAsync("/refresh", new { refresh_token = "short" });
        var missing = await client.PostAsync("/refresh", new { });

        Assert.Equal(HttpStatusCode.Unauthorized, unknown.Status);
        Assert.Equal("token_invalid", unknown.Code);
        Assert.Equal("token_invalid", malformed.Code);
        Assert.Equal("validation_failed", missing.Code);
    }

    [Fact]
    public async Task SignOutEndsTheSession()
    {
        using var client = Host.CreateClient();
        var session = await client.SignUpAsync();

        var answer = await client.PostAsync("/signout", null, session.AccessToken);

        Assert.Equal(HttpStatusCode.NoContent, answer.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/me", session.AccessToken)).Status);
        Assert.Equal("token_invalid", (await client.PostAsync("/refresh", new { refresh_token = session.RefreshToken })).Code);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsync("/signout", null, session.AccessToken)).Status);
    }

    [Fact]
    public async Task ListsOnlyMySessionsAndMarksTheCurrentOne()
    {
        using var client = Host.CreateClient();
        var first = await client.SignUpAsync();
        var second = await client.SignInAsync(first.Email);
        await client.SignUpAsync();

        var answer = await client.GetAsync("/sessions", second.AccessToken);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var sessions = answer.Json!.AsArray();
        Assert.Equal(2, sessions.Count);
        Assert.Single(sessions, s => s!["current"]!.GetValue<bool>());
        Assert.All(sessions, s => Assert.StartsWith("ases_", s!["id"]!.GetValue<string>()));
        Assert.DoesNotContain(first.AccessToken, answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("hash", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RevokesOneSessionButNotSomeoneElses()
    {
        using var client = Host.CreateClient();
        var mine = await client.SignUpAsync();
        var other = await client.SignInAsync(mine.Email);
        var stranger = await client.SignUpAsync();
        var sessions = (await client.GetAsync("/sessions", mine.AccessToken)).Json!.AsArray();
        var otherId = sessions.Single(s => !s!["current"]!.GetValue<bool>())!["id"]!.GetValue<string>();
        var strangerId = (await client.GetAsync("/sessions", stranger.AccessToken)).Json!.AsArray()[0]!["id"]!.GetValue<string>();

        var notMine = await client.DeleteAsync($"/sessions/{strangerId}", mine.AccessToken);
        var garbage = await client.DeleteAsync("/sessions/not-an-id", mine.AccessToken);
        var revoked = await client.DeleteAsync($"/sessions/{otherId}", mine.AccessToken);

        Assert.Equal(HttpStatusCode.NotFound, notMine.Status);
        Assert.Equal(notMine.Comparable().Replace(strangerId, "ID", StringComparison.Ordinal), garbage.Comparable().Replace("not-an-id", "ID", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/me", stranger.AccessToken)).Status);
        Assert.Equal(HttpStatusCode.NoContent, revoked.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/me", other.AccessToken)).Status);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/me", mine.AccessToken)).Status);
    }

    [Fact]
    public async Task RevokesEverySessionButThisOne()
    {
        using var client = Host.CreateClient();
        var current = await client.SignUpAsync();
        var a = await client.SignInAsync(current.Email);
        var b = await client.SignInAsync(current.Email);

        var answer = await client.DeleteAsync("/sessions", current.AccessToken);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(2, answer.Json!["revoked"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/me", a.AccessToken)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/me", b.AccessToken)).Status);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/me", current.AccessToken)).Status);
    }
}

public sealed class SessionTestsOnMemory(MemoryHost fixture) : SessionTests(fixture), IClassFixture<MemoryHost>;

public sealed class SessionTestsOnPostgres(PostgresHost fixture) : SessionTests(fixture), IClassFixture<PostgresHost>;
