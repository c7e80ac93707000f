using System.Net;
using System.Net.Http.Json;
using Authsome.Fault.Tests.Infrastructure;

namespace Authsome.Fault.Tests;

/// <summary>
/// A MongoDB server killed under traffic and started again: a mongo-compat server of this test's own (never the shared
/// one), killed with SIGKILL mid-request.
/// </summary>
public sealed class MongoOutageTests
{
    [Fact]
    public async Task AKilledServerAnswers503ProblemsWithoutDriverDetail_AndTheApiRecoversWithoutARestart()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var mongo = await PrivateMongoCompat.StartAsync(ct);
        var connectionString = mongo.ConnectionString("authsome_fault");
        await using var api = await ApiProcess.StartAsync("mongo", connectionString);
        using var http = api.CreateClient();
        var token = (await Traffic.SignUpAsync(http, Traffic.NewEmail(), ct))["session_token"]!.GetValue<string>();
        var refreshing = await Traffic.SignUpAsync(http, Traffic.NewEmail(), ct);
        var traffic = new Traffic(http, token, refreshing["refresh_token"]!.GetValue<string>());
        traffic.Start();
        await Task.Delay(TimeSpan.FromSeconds(1), ct);

        await mongo.KillAsync(ct);
        using (var me = await Probe.UntilAsync(http, "/v1/auth/me", HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(30), token))
        {
            Assert.Empty(me.Headers.WwwAuthenticate);
            await ProblemAssert.UnavailableAsync(me);
        }

        using (var signUp = await http.PostAsJsonAsync("/v1/auth/signup", new { email = Traffic.NewEmail(), password = Traffic.Password }, ct))
        {
            await ProblemAssert.UnavailableAsync(signUp);
        }

        (await Probe.UntilAsync(http, "/health", HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(30))).Dispose();

        await mongo.RestartAsync(ct);
        (await Probe.UntilAsync(http, "/health", HttpStatusCode.OK, TimeSpan.FromSeconds(60))).Dispose();
        (await Probe.UntilAsync(http, "/v1/auth/me", HttpStatusCode.OK, TimeSpan.FromSeconds(60), token)).Dispose();
        await Traffic.SignUpAsync(http, Traffic.NewEmail(), ct);
        await Task.Delay(TimeSpan.FromSeconds(1), ct);
        await traffic.StopAsync();

        // The token was never refused, and no answer was a 5xx other than 503.
        var summary = traffic.Summary();
        Assert.Contains(traffic.Answers, a => a.Status == "503");
        Assert.All(traffic.Answers, a => Assert.True(a.Status is "200" or "201" or "503", $"{a.Route} answered {a.Status}: {summary}\n{api.Output}"));
        await Consistency.AssertMongoAsync(connectionString, traffic.SignedUp, ct);
    }
}
