using System.Net;
using Authsome.Api.Tests.Infrastructure;

namespace Authsome.Api.Tests.Accounts;

/// <summary>The main flows end to end on the backends that do not run the whole suite: SQLite and MongoDB.</summary>
public abstract class BackendFlowTests(Backend backend)
{
    [Fact]
    public async Task SignUpSignInRefreshReuseChangeAndResetWork()
    {
        await using var host = await ApiHost.StartAsync(backend);
        using var client = host.CreateClient();
        var session = await client.SignUpAsync();
        var taken = await client.PostAsync("/signup", new { email = session.Email, password = ApiClient.Password });
        Assert.Equal(HttpStatusCode.Created, taken.Status);

        var signedIn = await client.SignInAsync(session.Email);
        var refreshed = await client.PostAsync("/refresh", new { refresh_token = signedIn.RefreshToken });
        Assert.Equal(HttpStatusCode.OK, refreshed.Status);
        Assert.Equal("token_reused", (await client.PostAsync("/refresh", new { refresh_token = signedIn.RefreshToken })).Code);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/me", refreshed.Str("session_token"))).Status);

        var changed = await client.PostAsync("/change-password", new { current_password = ApiClient.Password, new_password = "Second-Password-22" }, session.AccessToken);
        Assert.Equal(HttpStatusCode.OK, changed.Status);
        Assert.Equal("password_reused", (await client.PostAsync("/change-password", new { current_password = "Second-Password-22", new_password = ApiClient.Password }, session.AccessToken)).Code);

        await client.PostAsync("/forgot-password", new { email = session.Email });
        var token = CapturingEmailSender.TokenOf(await host.Mail.WaitForAsync(session.Email, "Reset your password"));
        Assert.Equal("password_reused", (await client.PostAsync("/reset-password", new { token, new_password = ApiClient.Password })).Code);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/reset-password", new { token, new_password = "Third-Password-333" })).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/me", session.AccessToken)).Status);
        await client.SignInAsync(session.Email, "Third-Password-333");
    }
}

public sealed class BackendFlowTestsOnSqlite() : BackendFlowTests(Backend.Sqlite);

public sealed class BackendFlowTestsOnMongo() : BackendFlowTests(Backend.Mongo);
