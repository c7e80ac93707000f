using System.Net;
using Authsome.Api.Tests.Infrastructure;
using Authsome.Store;
using Microsoft.Extensions.Time.Testing;

namespace Authsome.Api.Tests.Accounts;

/// <summary>Deleting the account and changing the username need the current password (or, without one, a recent sign-in).</summary>
public sealed class ReauthenticationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DeleteMeNeedsTheCurrentPassword()
    {
        await using var host = await ApiHost.StartAsync(Backend.Memory);
        using var client = host.CreateClient();
        var session = await client.SignUpAsync();

        Assert.Equal("validation_failed", (await client.DeleteAsync("/me", session.AccessToken)).Code);
        Assert.Equal("current_password_invalid", (await client.SendAsync(HttpMethod.Delete, "/me", new { current_password = "Wrong-Password-1" }, session.AccessToken)).Code);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/me", session.AccessToken)).Status);

        Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(HttpMethod.Delete, "/me", new { current_password = ApiClient.Password }, session.AccessToken)).Status);
    }

    [Fact]
    public async Task ChangingTheUsernameNeedsTheCurrentPassword_OtherFieldsDoNot()
    {
        await using var host = await ApiHost.StartAsync(Backend.Memory);
        using var client = host.CreateClient();
        var session = await client.SignUpAsync();
        var username = "u" + Guid.NewGuid().ToString("N")[..12];

        Assert.Equal(HttpStatusCode.OK, (await client.PatchAsync("/me", new { name = "Renamed" }, session.AccessToken)).Status);
        Assert.Equal("validation_failed", (await client.PatchAsync("/me", new { username }, session.AccessToken)).Code);
        Assert.Equal("current_password_invalid", (await client.PatchAsync("/me", new { username, current_password = "Wrong-Password-1" }, session.AccessToken)).Code);

        var changed = await client.PatchAsync("/me", new { username, current_password = ApiClient.Password }, session.AccessToken);
        Assert.Equal(username, changed.Str("username"));
    }

    [Fact]
    public async Task WithoutAPassword_OnlyASignInWithinFiveMinutesWill()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await ApiHost.StartAsync(Backend.Memory, time: time);
        using var client = host.CreateClient();
        var session = await client.SignUpAsync();
        var user = (await host.Store.Users.GetAsync(Id<User>.Parse(session.UserId), Ct))!;
        Assert.True(await host.Store.Users.UpdateAsync(user, user with { PasswordHash = null }, Ct));

        time.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        Assert.Equal("reauthentication_required", (await client.DeleteAsync("/me", session.AccessToken)).Code);
    }

    [Fact]
    public async Task ChangingThePasswordVoidsOutstandingResetLinks()
    {
        await using var host = await ApiHost.StartAsync(Backend.Memory);
        using var client = host.CreateClient();
        var session = await client.SignUpAsync();
        await client.PostAsync("/forgot-password", new { email = session.Email });
        var token = CapturingEmailSender.TokenOf(await host.Mail.WaitForAsync(session.Email, "Reset your password"));

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/change-password", new { current_password = ApiClient.Password, new_password = "Changed-Password-77" }, session.AccessToken)).Status);

        Assert.Equal("verification_invalid", (await client.PostAsync("/reset-password", new { token, new_password = "Attacker-Password-99" })).Code);
    }
}
