using System.Net;
using Authsome.Api.Tests.Infrastructure;

namespace Authsome.Api.Tests.Accounts;

/// <summary>Outside Development, sign-in waits for a verified email, and sign-up answers alike for taken and free emails.</summary>
public abstract class VerificationRequiredTests(Backend backend) : IAsyncLifetime
{
    private ApiHost? host;

    private ApiHost Host => host!;

    public async ValueTask InitializeAsync() => host = await ApiHost.StartAsync(backend, environment: "Production");

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task SignUpOutsideDevelopmentReturnsNoSessionAndSignInWaitsForVerification()
    {
        using var client = Host.CreateClient();
        var email = ApiClient.NewEmail();

        var signUp = await client.PostAsync("/signup", new { email, password = ApiClient.Password });
        var early = await client.PostAsync("/signin", new { email, password = ApiClient.Password });
        var wrongPassword = await client.PostAsync("/signin", new { email, password = "Wrong-Password-1" });

        Assert.Equal(HttpStatusCode.Created, signUp.Status);
        Assert.True(signUp.Json!["email_verification_required"]!.GetValue<bool>());
        Assert.Null(signUp.Json["session_token"]);
        Assert.Equal(HttpStatusCode.Forbidden, early.Status);
        Assert.Equal("email_not_verified", early.Code);
        Assert.Equal("invalid_credentials", wrongPassword.Code);

        var mail = await Host.Mail.WaitForAsync(email, "Verify your email");
        var verified = await client.PostAsync("/verify-email", new { token = CapturingEmailSender.TokenOf(mail) });
        Assert.Equal(HttpStatusCode.OK, verified.Status);
        Assert.True(verified.Json!["email_verified"]!.GetValue<bool>());

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/signin", new { email, password = ApiClient.Password })).Status);
    }

    [Fact]
    public async Task TakenAndFreeEmailsGetTheSameStatusAndBody()
    {
        using var client = Host.CreateClient();
        var taken = ApiClient.NewEmail();
        await client.PostAsync("/signup", new { email = taken, password = ApiClient.Password, name = "Same Name" });
        var free = ApiClient.NewEmail();

        var forTaken = await client.PostAsync("/signup", new { email = taken, password = ApiClient.Password, name = "Same Name" });
        var forFree = await client.PostAsync("/signup", new { email = free, password = ApiClient.Password, name = "Same Name" });

        Assert.Equal(HttpStatusCode.Created, forTaken.Status);
        Assert.Equal(forFree.Status, forTaken.Status);
        Assert.Equal(forFree.Shape(), forTaken.Shape());
        Assert.Equal(Normalized(forFree, free), Normalized(forTaken, taken));
        Assert.Equal(forFree.Headers.Location?.ToString(), forTaken.Headers.Location?.ToString());
    }

    // Everything but the values that are unique per answer (id, timestamps) and the email itself.
    private static string Normalized(Answer answer, string email)
    {
        var user = answer.Json!["user"]!.DeepClone().AsObject();
        user.Remove("id");
        user.Remove("created_at");
        user.Remove("updated_at");
        return answer.Json.ToJsonString().Replace(answer.Json["user"]!.ToJsonString(), user.ToJsonString(), StringComparison.Ordinal).Replace(email, "EMAIL", StringComparison.Ordinal);
    }
}

public sealed class VerificationRequiredTestsOnMemory() : VerificationRequiredTests(Backend.Memory);

public sealed class VerificationRequiredTestsOnPostgres() : VerificationRequiredTests(Backend.Postgres);
