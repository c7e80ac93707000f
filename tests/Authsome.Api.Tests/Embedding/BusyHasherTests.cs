using System.Net;
using Authsome.Api.Tests.Infrastructure;
using Authsome.Passwords;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Authsome.Api.Tests.Embedding;

public sealed class BusyHasherTests
{
    // The places a test holds wait for their turn in real time: long enough that none gives up its place meanwhile.
    private static readonly Dictionary<string, string?> HeldPlacesDoNotTimeOut = new() { ["Authsome:Password:QueueTimeout"] = "00:10:00" };

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
        await using var app = await EmbeddingHost.StartAsync(a => a.UseMemory().AddPassword(), _ => { }, HeldPlacesDoNotTimeOut);
        using var client = app.Client();
        var held = await FillGateAsync(app);

        // A body that would be a 400 if it were read: the 503 shows the request was refused before that.
        var refused = await client.PostRawAsync("/signin", "{ not json");
        await held.DisposeAsync();
        var read = await client.PostRawAsync("/signin", "{ not json");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.Status);
        Assert.Equal("service_busy", refused.Code);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.BadRequest, read.Status);
    }

    [Fact]
    public async Task ARefusalIsSentOnlyOnceTheRefusalDelayHasPassed()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await StartOnAsync(time);
        using var client = app.Client();
        // The first request through the host compiles its pipeline: not while the refusal is being timed.
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostRawAsync("/signin", "{ not json")).Status);
        await using var held = await FillGateAsync(app);
        var delay = new AuthsomePasswordOptions().RefusalDelay;

        // Time moves in steps only while the refusal is pending: it must not be sent before the steps add up to the
        // delay. Bounded, so that a refusal never sent fails the test instead of hanging it.
        var refused = client.PostRawAsync("/signin", "{ not json");
        var advanced = TimeSpan.Zero;
        while (advanced < TimeSpan.FromMinutes(1))
        {
            await Task.Delay(20, TestContext.Current.CancellationToken);
            if (refused.IsCompleted)
            {
                break;
            }

            time.Advance(TimeSpan.FromMilliseconds(100));
            advanced += TimeSpan.FromMilliseconds(100);
        }

        Assert.True(refused.IsCompleted, "the refusal was not sent once RefusalDelay had passed");
        Assert.True(advanced >= delay, $"the refusal was sent after {advanced}, before RefusalDelay ({delay}) had passed");
        Assert.Equal("service_busy", (await refused).Code);
    }

    [Fact]
    public async Task RefusalsPastMaxDelayedRefusalsAreSentAtOnce()
    {
        // Time never moves here: a held refusal would never be answered.
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await StartOnAsync(time, new Dictionary<string, string?>(HeldPlacesDoNotTimeOut) { ["Authsome:Password:MaxDelayedRefusals"] = "0" });
        using var client = app.Client();
        await using var held = await FillGateAsync(app);

        var refused = client.PostRawAsync("/signin", "{ not json");
        var answered = await Task.WhenAny(refused, Task.Delay(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken)) == refused;

        Assert.True(answered, "the refusal was held although MaxDelayedRefusals is 0");
        Assert.Equal("service_busy", (await refused).Code);
    }

    [Fact]
    public async Task AnAdmittedSignInThatGetsNoTurnWithinTheQueueTimeout_IsRefusedBeforeItsBodyIsRead()
    {
        await using var app = await EmbeddingHost.StartAsync(
            a => a.UseMemory().AddPassword(),
            _ => { },
            new Dictionary<string, string?> { ["Authsome:Password:QueueTimeout"] = "00:00:00.200" });
        using var client = app.Client();
        await using var held = await TakeEveryTurnAsync(app);

        // The queue has room, so the request is admitted; with every turn taken it must not read its body.
        var refused = await client.PostRawAsync("/signin", "{ not json");
        await held.DisposeAsync();
        var read = await client.PostRawAsync("/signin", "{ not json");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.Status);
        Assert.Equal("service_busy", refused.Code);
        Assert.Equal(HttpStatusCode.BadRequest, read.Status);
    }

    /// <summary>The engine with passwords on the memory store, its clock <paramref name="time"/>.</summary>
    private static Task<WebApplication> StartOnAsync(FakeTimeProvider time, IReadOnlyDictionary<string, string?>? settings = null) =>
        EmbeddingHost.StartAsync(
            a =>
            {
                a.Services.AddSingleton<TimeProvider>(time);
                a.UseMemory().AddPassword();
            },
            _ => { },
            settings ?? HeldPlacesDoNotTimeOut);

    /// <summary>
    /// Takes every place of the gate: the first <see cref="PasswordHashingGate.TurnsPerSlot"/> per hashing slot with
    /// their turn, the rest waiting for one (for as long as the host's queue timeout allows).
    /// </summary>
    private static async Task<HeldPlaces> FillGateAsync(WebApplication app)
    {
        var gate = app.Services.GetRequiredService<PasswordHashingGate>();
        var held = new HeldPlaces();
        while (true)
        {
            var admission = await GateAdmissions.StartAsync(gate, TestContext.Current.CancellationToken);
            if (admission.IsCompleted && await admission is null)
            {
                return held;
            }

            held.Add(admission);
        }
    }

    /// <summary>Takes every turn of the gate, leaving room in its queue.</summary>
    private static async Task<HeldPlaces> TakeEveryTurnAsync(WebApplication app)
    {
        var gate = app.Services.GetRequiredService<PasswordHashingGate>();
        var turns = PasswordHashingGate.TurnsPerSlot * app.Services.GetRequiredService<IOptions<AuthsomePasswordOptions>>().Value.EffectiveMaxConcurrentHashes;
        var held = new HeldPlaces();
        for (var i = 0; i < turns; i++)
        {
            var admission = await GateAdmissions.StartAsync(gate, TestContext.Current.CancellationToken);
            held.Add(admission);
            Assert.True((await admission)?.HasTurn);
        }

        return held;
    }

    /// <summary>Places in admission order: each freed turn goes to the next one waiting, so they end in that order.</summary>
    private sealed class HeldPlaces : List<Task<RequestAdmission?>>, IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            foreach (var place in this)
            {
                (await place)?.Dispose();
            }
        }
    }

    private sealed class SaturatedHasher : IPasswordHasher
    {
        public ValueTask<string> HashAsync(string password, CancellationToken cancellationToken) => throw new PasswordHashingBusyException();

        public ValueTask<PasswordVerificationResult> VerifyAsync(string password, string hash, CancellationToken cancellationToken) => throw new PasswordHashingBusyException();

        public ValueTask SimulateVerifyAsync(string password, CancellationToken cancellationToken) => throw new PasswordHashingBusyException();
    }
}
