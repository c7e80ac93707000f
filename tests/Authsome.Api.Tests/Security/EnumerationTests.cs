using System.Net;
using Authsome.Api.Tests.Infrastructure;

namespace Authsome.Api.Tests.Security;

/// <summary>Sign-up, forgot-password and resend answer the same for registered and free emails.</summary>
public sealed class EnumerationTests
{
    [Fact]
    public async Task ATakenUsernameAnswersTheSameWhetherTheEmailIsRegisteredOrNot()
    {
        await using var host = await ApiHost.StartAsync(Backend.Memory);
        using var client = host.CreateClient();
        var username = "taken" + Guid.NewGuid().ToString("N")[..10];
        var owner = await client.SignUpAsync(username: username);
        var registered = await client.SignUpAsync();

        var withRegisteredEmail = await client.PostAsync("/signup", new { email = registered.Email, password = ApiClient.Password, username });
        var withFreeEmail = await client.PostAsync("/signup", new { email = ApiClient.NewEmail(), password = ApiClient.Password, username });

        Assert.Equal(HttpStatusCode.Conflict, withFreeEmail.Status);
        Assert.Equal(withFreeEmail.Comparable(), withRegisteredEmail.Comparable());
        Assert.NotEqual(owner.UserId, registered.UserId);
    }

    [Fact]
    public async Task ForgotPasswordSendsAtMostThreeMailsPerHourPerAccount_AnsweringTheSame()
    {
        await using var host = await ApiHost.StartAsync(Backend.Memory);
        using var client = host.CreateClient();
        var session = await client.SignUpAsync();

        var answers = new List<Answer>();
        for (var i = 0; i < 5; i++)
        {
            answers.Add(await client.PostAsync("/forgot-password", new { email = session.Email }));
        }

        await host.Mail.WaitForAsync(session.Email, "Reset your password", skip: 2);
        await Task.Delay(200, TestContext.Current.CancellationToken);
        Assert.Equal(3, host.Mail.Count(session.Email, "Reset your password"));
        Assert.All(answers, a => Assert.Equal(answers[0].Comparable(), a.Comparable()));
    }
}
