using System.Net;
using Authsome.Api.Tests.Infrastructure;

namespace Authsome.Api.Tests.Passwords;

public abstract class PasswordTests(HostFixture fixture)
{
    private const string NewPassword = "Brand-New-Secret-99";

    private ApiHost Host => fixture.Host;

    [Fact]
    public async Task ChangePasswordKeepsThisSessionAndEndsTheOthers()
    {
        using var client = Host.CreateClient();
        var current = await client.SignUpAsync();
        var other = await client.SignInAsync(current.Email);

        var answer = await client.PostAsync("/change-password", new { current_password = ApiClient.Password, new_password = NewPassword }, current.AccessToken);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(1, answer.Json!["revoked"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/me", current.AccessToken)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/me", other.AccessToken)).Status);
        Assert.Equal("invalid_credentials", (await client.PostAsync("/signin", new { email = current.Email, password = ApiClient.Password })).Code);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/signin", new { email = current.Email, password = NewPassword })).Status);
        await Host.Mail.WaitForAsync(current.Email, "Your password was changed");
    }

    [Fact]
    public async Task ChangePasswordFailsGivenWrongCurrentPassword()
    {
        using var client = Host.CreateClient();
        var session = await client.SignUpAsync();

        var answer = await client.PostAsync("/change-password", new { current_password = "Not-The-Password-1", new_password = NewPassword }, session.AccessToken);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("current_password_invalid", answer.Code);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/signin", new { email = session.Email, password = ApiClient.Password })).Status);
    }

    [Fact]
    public async Task ChangePasswordRefusesTheCurrentAndRecentPasswords()
    {
        using var client = Host.CreateClient();
        var session = await client.SignUpAsync();
        await client.PostAsync("/change-password", new { current_password = ApiClient.Password, new_password = NewPassword }, session.AccessToken);

        var same = await client.PostAsync("/change-password", new { current_password = NewPassword, new_password = NewPassword }, session.AccessToken);
        var previous = await client.PostAsync("/change-password", new { current_password = NewPassword, new_password = ApiClient.Password }, session.AccessToken);
        var weak = await client.PostAsync("/change-password", new { current_password = NewPassword, new_password = "abc" }, session.AccessToken);

        Assert.Equal("password_reused", same.Code);
        Assert.Equal("password_reused", previous.Code);
        Assert.Equal("weak_password", weak.Code);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/signin", new { email = session.Email, password = NewPassword })).Status);
    }

    [Fact]
    public async Task ChangePasswordNeedsASession()
    {
        using var client = Host.CreateClient();

        var answer = await client.PostAsync("/change-password", new { current_password = ApiClient.Password, new_password = NewPassword });

        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
    }

    [Fact]
    public async Task ForgotPasswordAnswersTheSameForKnownAndUnknownEmails()
    {
        using var client = Host.CreateClient();
        var session = await client.SignUpAsync();

        var known = await client.PostAsync("/forgot-password", new { email = session.Email });
        var unknown = await client.PostAsync("/forgot-password", new { email = ApiClient.NewEmail("nobody") });

        Assert.Equal(HttpStatusCode.OK, known.Status);
        Assert.Equal(known.Status, unknown.Status);
        Assert.Equal(known.Text, unknown.Text);
        await Host.Mail.WaitForAsync(session.Email, "Reset your password");
    }

    [Fact]
    public async Task ResetPasswordSetsTheNewPasswordAndEndsEverySession()
    {
        using var client = Host.CreateClient();
        var session = await client.SignUpAsync();
        await client.PostAsync("/forgot-password", new { email = session.Email });
        var token = CapturingEmailSender.TokenOf(await Host.Mail.WaitForAsync(session.Email, "Reset your password"));

        var answer = await client.PostAsync("/reset-password", new { token, new_password = NewPassword });

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/me", session.AccessToken)).Status);
        Assert.Equal("invalid_credentials", (await client.PostAsync("/signin", new { email = session.Email, password = ApiClient.Password })).Code);
        var signedIn = await client.SignInAsync(session.Email, NewPassword);
        // The link proved the mailbox.
        Assert.True((await client.GetAsync("/me", signedIn.AccessToken)).Json!["email_verified"]!.GetValue<bool>());
        // Single use.
        var again = await client.PostAsync("/reset-password", new { token, new_password = "Yet-Another-Secret-5" });
        Assert.Equal(HttpStatusCode.BadRequest, again.Status);
        Assert.Equal("verification_invalid", again.Code);
    }

    [Fact]
    public async Task ResetPasswordWithAWeakPasswordLeavesTheLinkUsable()
    {
        using var client = Host.CreateClient();
        var session = await client.SignUpAsync();
        await client.PostAsync("/forgot-password", new { email = session.Email });
        var token = CapturingEmailSender.TokenOf(await Host.Mail.WaitForAsync(session.Email, "Reset your password"));

        var weak = await client.PostAsync("/reset-password", new { token, new_password = "12345" });
        var good = await client.PostAsync("/reset-password", new { token, new_password = NewPassword });

        Assert.Equal("weak_password", weak.Code);
        Assert.Equal(HttpStatusCode.OK, good.Status);
    }

    [Fact]
    public async Task ANewResetLinkReplacesTheOldOne()
    {
        using var client = Host.CreateClient();
        var session = await client.SignUpAsync();
        await client.PostAsync("/forgot-password", new { email = session.Email });
        var first = CapturingEmailSender.TokenOf(await Host.Mail.WaitForAsync(session.Email, "Reset your password"));
        await client.PostAsync("/forgot-password", new { email = session.Email });
        var second = CapturingEmailSender.TokenOf(await Host.Mail.WaitForAsync(session.Email, "Reset your password", skip: 1));

        Assert.Equal("verification_invalid", (await client.PostAsync("/reset-password", new { token = first, new_password = NewPassword })).Code);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/reset-password", new { token = second, new_password = NewPassword })).Status);
    }

    [Fact]
    public async Task ResetPasswordWithAnUnknownTokenIsInvalid()
    {
        using var client = Host.CreateClient();

        var answer = await client.PostAsync("/reset-password", new { token = new string('z', 43), new_password = NewPassword });

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("verification_invalid", answer.Code);
    }
}

public sealed class PasswordTestsOnMemory(MemoryHost fixture) : PasswordTests(fixture), IClassFixture<MemoryHost>;

public sealed class PasswordTestsOnPostgres(PostgresHost fixture) : PasswordTests(fixture), IClassFixture<PostgresHost>;
