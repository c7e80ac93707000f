using System.Net;
using Authsome.Api.Tests.Infrastructure;

namespace Authsome.Api.Tests.Accounts;

public abstract class SignUpTests(HostFixture fixture)
{
    private ApiHost Host => fixture.Host;

    [Fact]
    public async Task SignUpReturnsCreatedWithUserAndWorkingTokens()
    {
        using var client = Host.CreateClient();
        var email = ApiClient.NewEmail();
        var answer = await client.PostAsync("/signup", new { email, password = ApiClient.Password, name = "Ada Lovelace", username = "ada_" + Guid.NewGuid().ToString("N")[..8] });

        Assert.Equal(HttpStatusCode.Created, answer.Status);
        Assert.EndsWith("/v1/auth/me", answer.Headers.Location?.ToString());
        var user = answer.Json!["user"]!.AsObject();
        Assert.Equal(email, user["email"]!.GetValue<string>());
        Assert.Equal("Ada Lovelace", user["name"]!.GetValue<string>());
        Assert.False(user["email_verified"]!.GetValue<bool>());
        Assert.StartsWith("ausr_", user["id"]!.GetValue<string>());
        Assert.DoesNotContain("hash", answer.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("$argon2", answer.Text, StringComparison.Ordinal);
        Assert.Equal(43, answer.Str("session_token")!.Length);
        Assert.Equal(43, answer.Str("refresh_token")!.Length);
        Assert.NotNull(answer.Str("expires_at"));

        var me = await client.GetAsync("/me", answer.Str("session_token"));
        Assert.Equal(HttpStatusCode.OK, me.Status);
        Assert.Equal(email, me.Str("email"));
    }

    [Fact]
    public async Task SignUpLowerCasesTheEmailSoSignInIgnoresCase()
    {
        using var client = Host.CreateClient();
        var email = ApiClient.NewEmail("MiXeD");
        await client.SignUpAsync(email);

        var answer = await client.PostAsync("/signin", new { email = email.ToUpperInvariant(), password = ApiClient.Password });

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(email.ToLowerInvariant(), answer.Json!["user"]!["email"]!.GetValue<string>());
    }

    [Fact]
    public async Task SignUpWithTakenEmailInDevelopmentAnswersTheSameShapeWithTokensThatDoNotWork()
    {
        using var client = Host.CreateClient();
        var email = ApiClient.NewEmail();
        var first = await client.PostAsync("/signup", new { email, password = ApiClient.Password });
        var second = await client.PostAsync("/signup", new { email, password = "Another-Password-7" });

        Assert.Equal(HttpStatusCode.Created, first.Status);
        Assert.Equal(first.Status, second.Status);
        Assert.Equal(first.Shape(), second.Shape());
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/me", second.Str("session_token"))).Status);
        var notice = await Host.Mail.WaitForAsync(email, "Someone tried to sign up");
        Assert.Contains("already has one", notice.TextBody, StringComparison.Ordinal);
        // The real account keeps its password.
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/signin", new { email, password = ApiClient.Password })).Status);
    }

    [Fact]
    public async Task SignUpWithWeakPasswordIsRefusedWithTheProblems()
    {
        using var client = Host.CreateClient();

        var answer = await client.PostAsync("/signup", new { email = ApiClient.NewEmail(), password = "short" });

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("weak_password", answer.Code);
        Assert.Equal("application/problem+json", answer.MediaType);
        Assert.Contains("too_short", answer.Json!["problems"]!.AsArray().Select(p => p!.GetValue<string>()));
    }

    [Fact]
    public async Task SignUpWithCommonPasswordIsRefused()
    {
        using var client = Host.CreateClient();

        var answer = await client.PostAsync("/signup", new { email = ApiClient.NewEmail(), password = "password123" });

        Assert.Equal("weak_password", answer.Code);
        Assert.Contains("common", answer.Json!["problems"]!.AsArray().Select(p => p!.GetValue<string>()));
    }

    [Fact]
    public async Task SignUpWithTakenUsernameIsAConflict()
    {
        using var client = Host.CreateClient();
        var username = "taken_" + Guid.NewGuid().ToString("N")[..8];
        await client.SignUpAsync(username: username);

        var answer = await client.PostAsync("/signup", new { email = ApiClient.NewEmail(), password = ApiClient.Password, username = username.ToUpperInvariant() });

        Assert.Equal(HttpStatusCode.Conflict, answer.Status);
        Assert.Equal("username_taken", answer.Code);
    }

    [Fact]
    public async Task SignUpSendsAVerificationMail()
    {
        using var client = Host.CreateClient();
        var session = await client.SignUpAsync();

        var mail = await Host.Mail.WaitForAsync(session.Email, "Verify your email");

        Assert.Equal(43, CapturingEmailSender.TokenOf(mail).Length);
        Assert.Equal(6, CapturingEmailSender.CodeOf(mail).Length);
    }
}

public sealed class SignUpTestsOnMemory(MemoryHost fixture) : SignUpTests(fixture), IClassFixture<MemoryHost>;

public sealed class SignUpTestsOnPostgres(PostgresHost fixture) : SignUpTests(fixture), IClassFixture<PostgresHost>;
