using System.Net;
using Authsome.Api.Tests.Infrastructure;
using Authsome.Store;

namespace Authsome.Api.Tests.Accounts;

public abstract class SignInTests(HostFixture fixture)
{
    private ApiHost Host => fixture.Host;

    [Fact]
    public async Task CanSignInWithEmail()
    {
        using var client = Host.CreateClient();
        var signedUp = await client.SignUpAsync();

        var answer = await client.PostAsync("/signin", new { email = signedUp.Email, password = ApiClient.Password });

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(signedUp.UserId, answer.Json!["user"]!["id"]!.GetValue<string>());
        Assert.NotEqual(signedUp.AccessToken, answer.Str("session_token"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/me", answer.Str("session_token"))).Status);
    }

    [Fact]
    public async Task CanSignInWithUsername()
    {
        using var client = Host.CreateClient();
        var username = "Grace_" + Guid.NewGuid().ToString("N")[..8];
        var signedUp = await client.SignUpAsync(username: username);

        var answer = await client.PostAsync("/signin", new { username = username.ToLowerInvariant(), password = ApiClient.Password });

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(signedUp.UserId, answer.Json!["user"]!["id"]!.GetValue<string>());
        Assert.Equal(username, answer.Json["user"]!["username"]!.GetValue<string>());
    }

    [Fact]
    public async Task UnknownUserAndWrongPasswordAnswerExactlyAlike()
    {
        using var client = Host.CreateClient();
        var signedUp = await client.SignUpAsync();

        var wrongPassword = await client.PostAsync("/signin", new { email = signedUp.Email, password = "Wrong-Password-1" });
        var unknownUser = await client.PostAsync("/signin", new { email = ApiClient.NewEmail("nobody"), password = "Wrong-Password-1" });

        Assert.Equal(HttpStatusCode.Unauthorized, wrongPassword.Status);
        Assert.Equal(wrongPassword.Status, unknownUser.Status);
        Assert.Equal("invalid_credentials", wrongPassword.Code);
        Assert.Equal(wrongPassword.Comparable(), unknownUser.Comparable());
    }

    [Fact]
    public async Task SignInNeedsExactlyOneOfEmailAndUsername()
    {
        using var client = Host.CreateClient();

        var neither = await client.PostAsync("/signin", new { password = ApiClient.Password });
        var both = await client.PostAsync("/signin", new { email = ApiClient.NewEmail(), username = "someone", password = ApiClient.Password });

        Assert.Equal("validation_failed", neither.Code);
        Assert.Equal("validation_failed", both.Code);
    }

    [Fact]
    public async Task BannedUserCannotSignInButLearnsOnlyAfterTheRightPassword()
    {
        using var client = Host.CreateClient();
        var signedUp = await client.SignUpAsync();
        var user = (await Host.Store.Users.GetAsync(Id<User>.Parse(signedUp.UserId), TestContext.Current.CancellationToken))!;
        await Host.Store.Users.UpdateAsync(user, user with { Banned = true, BanReason = "abuse" }, TestContext.Current.CancellationToken);

        var wrong = await client.PostAsync("/signin", new { email = signedUp.Email, password = "Wrong-Password-1" });
        var right = await client.PostAsync("/signin", new { email = signedUp.Email, password = ApiClient.Password });

        Assert.Equal("invalid_credentials", wrong.Code);
        Assert.Equal(HttpStatusCode.Forbidden, right.Status);
        Assert.Equal("account_banned", right.Code);
        Assert.DoesNotContain("abuse", right.Text, StringComparison.Ordinal);
        // Its existing sessions stop working too.
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/me", signedUp.AccessToken)).Status);
        Assert.Equal("account_banned", (await client.PostAsync("/refresh", new { refresh_token = signedUp.RefreshToken })).Code);
    }
}

public sealed class SignInTestsOnMemory(MemoryHost fixture) : SignInTests(fixture), IClassFixture<MemoryHost>;

public sealed class SignInTestsOnPostgres(PostgresHost fixture) : SignInTests(fixture), IClassFixture<PostgresHost>;
