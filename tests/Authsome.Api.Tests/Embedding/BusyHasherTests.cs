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

    [Fact]
    public async Task AFullHashingGateRefusesSignInsBeforeReadingTheirBody()
    {
        await using var app = await EmbeddingHost.StartAsync(a => a.UseMemory().AddPassword(), _ => { });
        using var client = app.Client();
        var gate = app.Services.GetRequiredService<PasswordHashingGate>();
        var held = new List<IDisposable>();
        while (await Task.Run(gate.TryAdmitRequest, TestContext.Current.CancellationToken) is { } admission)
        {
            held.Add(admission);
        }

        // A body that would be a 400 if it were read: the 503 shows the request was refused before that.
        var refused = await client.PostRawAsync("/signin", "{ not json");
        held.ForEach(admission => admission.Dispose());
        var read = await client.PostRawAsync("/signin", "{ not json");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.Status);
        Assert.Equal("service_busy", refused.Code);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.BadRequest, read.Status);
    }

    private sealed class SaturatedHasher : IPasswordHasher
    {
        public ValueTask<string> HashAsync(string password, CancellationToken cancellationToken) => throw new PasswordHashingBusyException();

        public ValueTask<PasswordVerificationResult> VerifyAsync(string password, string hash, CancellationToken cancellationToken) => throw new PasswordHashingBusyException();

        public ValueTask SimulateVerifyAsync(string password, CancellationToken cancellationToken) => throw new PasswordHashingBusyException();
    }
}
