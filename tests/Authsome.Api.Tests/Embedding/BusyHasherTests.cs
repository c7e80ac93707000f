using System.Net;
using Authsome.Api.Tests.Infrastructure;
using Authsome.Passwords;
using Microsoft.Extensions.DependencyInjection;

namespace Authsome.Api.Tests.Embedding;

public sealed class BusyHasherTests
{
    [Fact]
    public async Task SaturatedHashingAnswersServiceBusyWithRetryAfterAndCreatesNothing()
    {
        await using var app = await EmbeddingHost.StartAsync(
            a =>
            {
                a.Services.AddSingleton<IPasswordHasher, SaturatedHasher>();
                a.UseMemory().AddPassword();
            },
            _ => { });
        using var client = app.Client();
        var email = ApiClient.NewEmail();

        var signUp = await client.PostAsync("/signup", new { email, password = ApiClient.Password });
        var signIn = await client.PostAsync("/signin", new { email, password = ApiClient.Password });

        Assert.Equal(HttpStatusCode.ServiceUnavailable, signUp.Status);
        Assert.Equal("service_busy", signUp.Code);
        Assert.NotNull(signUp.Headers.RetryAfter);
        Assert.Equal("service_busy", signIn.Code);
    }

    private sealed class SaturatedHasher : IPasswordHasher
    {
        public ValueTask<string> HashAsync(string password, CancellationToken cancellationToken) => throw new PasswordHashingBusyException();

        public ValueTask<PasswordVerificationResult> VerifyAsync(string password, string hash, CancellationToken cancellationToken) => throw new PasswordHashingBusyException();

        public ValueTask SimulateVerifyAsync(string password, CancellationToken cancellationToken) => throw new PasswordHashingBusyException();
    }
}
