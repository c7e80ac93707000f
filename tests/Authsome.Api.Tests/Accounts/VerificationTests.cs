using System.Net;
using Authsome.Api.Tests.Infrastructure;

namespace Authsome.Api.Tests.Accounts;

public abstract class VerificationTests(HostFixture fixture)
{
    private ApiHost Host => fixture.Host;

    [Fact]
    public async Task VerifiesWithTheLinkTokenOnce()
    {
        using var client = Host.CreateClient();
        var session = await client.SignUpAsync();
        var token = CapturingEmailSender.TokenOf(await Host.Mail.WaitForAsync(session.Email, "Verify your email"));

        var first = await client.PostAsync("/verify-email", new { token });
        var second = await client.PostAsync("/verify-email", new { token });

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.True(first.Json!["email_verified"]!.GetValue<bool>());
        Assert.Equal("verification_invalid", second.Code);
        Assert.True((await client.GetAsync("/me", session.AccessToken)).Json!["email_verified"]!.GetValue<bool>());
    }

    [Fact]
    public async Task VerifiesWithEmailAndCode()
    {
        using var client = Host.CreateClient();
        var session = await client.SignUpAsync();
        var code = CapturingEmailSender.CodeOf(await Host.Mail.WaitForAsync(session.Email, "Verify your email"));

        var answer = await client.PostAsync("/verify-email", new { email = session.Email, code });

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.True(answer.Json!["email_verified"]!.GetValue<bool>());
    }

    [Fact]
    public async Task WrongCodesBurnTheVerificationAfterTheLimit()
    {
        using var client = Host.CreateClient();
        var session = await client.SignUpAsync();
        var code = CapturingEmailSender.CodeOf(await Host.Mail.WaitForAsync(session.Email, "Verify your email"));
        var wrong = code == "000000" ? "111111" : "000000";

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal("verification_invalid", (await client.PostAsync("/verify-email", new { email = session.Email, code = wrong })).Code);
        }

        Assert.Equal("verification_invalid", (await client.PostAsync("/verify-email", new { email = session.Email, code })).Code);
    }

    [Fact]
    public async Task UnknownEmailAndWrongCodeAnswerAlike()
    {
        using var client = Host.CreateClient();
        var session = await client.SignUpAsync();

        var wrongCode = await client.PostAsync("/verify-email", new { email = session.Email, code = "123456" });
        var unknown = await client.PostAsync("/verify-email", new { email = ApiClient.NewEmail("nobody"), code = "123456" });

        Assert.Equal(HttpStatusCode.BadRequest, wrongCode.Status);
        Assert.Equal(wrongCode.Comparable(), unknown.Comparable());
    }

    [Fact]
    public async Task ResendAnswersTheSameAndReplacesThePreviousMail()
    {
        using var client = Host.CreateClient();
        var session = await client.SignUpAsync();
        var oldToken = CapturingEmailSender.TokenOf(await Host.Mail.WaitForAsync(session.Email, "Verify your email"));

        var known = await client.PostAsync("/verify-email/resend", new { email = session.Email });
        var unknown = await client.PostAsync("/verify-email/resend", new { email = ApiClient.NewEmail("nobody") });
        var newToken = CapturingEmailSender.TokenOf(await Host.Mail.WaitForAsync(session.Email, "Verify your email", skip: 1));

        Assert.Equal(HttpStatusCode.OK, known.Status);
        Assert.Equal(known.Text, unknown.Text);
        Assert.Equal("verification_invalid", (await client.PostAsync("/verify-email", new { token = oldToken })).Code);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/verify-email", new { token = newToken })).Status);
    }

    [Fact]
    public async Task VerifyNeedsEitherTokenOrEmailAndCode()
    {
        using var client = Host.CreateClient();

        var both = await client.PostAsync("/verify-email", new { token = new string('a', 43), email = ApiClient.NewEmail(), code = "123456" });
        var codeOnly = await client.PostAsync("/verify-email", new { code = "123456" });

        Assert.Equal("validation_failed", both.Code);
        Assert.Equal(HttpStatusCode.BadRequest, codeOnly.Status);
    }
}

public sealed class VerificationTestsOnMemory(MemoryHost fixture) : VerificationTests(fixture), IClassFixture<MemoryHost>;

public sealed class VerificationTestsOnPostgres(PostgresHost fixture) : VerificationTests(fixture), IClassFixture<PostgresHost>;
