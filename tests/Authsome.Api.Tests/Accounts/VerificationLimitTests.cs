using System.Net;
using Authsome.Api.Tests.Infrastructure;
using Authsome.Store;

namespace Authsome.Api.Tests.Accounts;

/// <summary>Codes hashed under a server-side key; attempts limited per account across codes; resends limited.</summary>
public sealed class VerificationLimitTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheStoredCodeHashIsNotAPlainHashOfTheCode()
    {
        await using var host = await ApiHost.StartAsync(Backend.Memory);
        using var client = host.CreateClient();
        var session = await client.SignUpAsync();
        var code = CapturingEmailSender.CodeOf(await host.Mail.WaitForAsync(session.Email, "Verify your email"));

        var verification = (await host.Store.Verifications.GetActiveAsync(Id<User>.Parse(session.UserId), VerificationType.Email, DateTimeOffset.UtcNow, Ct))!;

        // Anyone holding the database could try the million codes against a plain hash; not against an HMAC.
        Assert.NotEqual(SecretHash.Of($"{verification.Id}:{code}"), verification.CodeHash);
        Assert.NotEqual(SecretHash.Of(code), verification.CodeHash);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/verify-email", new { email = session.Email, code })).Status);
    }

    [Fact]
    public async Task AResendGivesNoFreshGuesses()
    {
        await using var host = await ApiHost.StartAsync(Backend.Memory, settings: new Dictionary<string, string?>
        {
            ["Authsome:RateLimits:PerAccount:VerificationAttempts:PermitLimit"] = "6",
        });
        using var client = host.CreateClient();
        var session = await client.SignUpAsync();
        for (var round = 0; round < 2; round++)
        {
            await client.PostAsync("/verify-email/resend", new { email = session.Email });
            for (var i = 0; i < 3; i++)
            {
                await client.PostAsync("/verify-email", new { email = session.Email, code = WrongCode(host, session.Email) });
            }
        }

        await client.PostAsync("/verify-email/resend", new { email = session.Email });
        var code = CapturingEmailSender.CodeOf(await host.Mail.WaitForAsync(session.Email, "Verify your email", skip: 2));

        // Six guesses were used across three codes: even the right code is refused until the window ends.
        Assert.Equal("verification_invalid", (await client.PostAsync("/verify-email", new { email = session.Email, code })).Code);
    }

    [Fact]
    public async Task ResendsArePerAccountLimited_AnsweringTheSame()
    {
        await using var host = await ApiHost.StartAsync(Backend.Memory);
        using var client = host.CreateClient();
        var session = await client.SignUpAsync();

        var answers = new List<Answer>();
        for (var i = 0; i < 4; i++)
        {
            answers.Add(await client.PostAsync("/verify-email/resend", new { email = session.Email }));
        }

        // The sign-up's mail and two resends: three per 15 minutes.
        await host.Mail.WaitForAsync(session.Email, "Verify your email", skip: 2);
        await Task.Delay(200, Ct);
        Assert.Equal(3, host.Mail.Count(session.Email, "Verify your email"));
        Assert.All(answers, a => Assert.Equal(answers[0].Comparable(), a.Comparable()));
    }

    // A code that is not the one last mailed (the mails arrive in order).
    private static string WrongCode(ApiHost host, string email)
    {
        var last = host.Mail.Sent.Last(m => m.To == email && m.Subject.Contains("Verify your email", StringComparison.Ordinal));
        return CapturingEmailSender.CodeOf(last) == "000000" ? "111111" : "000000";
    }
}
