using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Authsome.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Authsome.Api.Tests.Embedding;

public sealed class TelemetryTests
{
    [Fact]
    public async Task SignInsAreCountedByOutcomeAndSpansCarryNoSecrets()
    {
        var measurements = new ConcurrentQueue<(string Instrument, long Value, string? Reason)>();
        using var meters = new MeterListener();
        meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == AuthsomeTelemetry.Name)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            string? reason = null;
            foreach (var tag in tags)
            {
                if (tag.Key == "authsome.reason")
                {
                    reason = tag.Value as string;
                }
            }

            measurements.Enqueue((instrument.Name, value, reason));
        });
        meters.Start();
        var activities = new ConcurrentQueue<Activity>();
        using var spans = new ActivityListener
        {
            ShouldListenTo = source => source.Name == AuthsomeTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activities.Enqueue,
        };
        ActivitySource.AddActivityListener(spans);

        await using var app = await EmbeddingHost.StartAsync(a => a.UseMemory().AddPassword(), _ => { });
        using var client = app.Client();
        var session = await client.SignUpAsync();
        await client.PostAsync("/signin", new { email = session.Email, password = "Wrong-Password-1" });
        await client.PostAsync("/signin", new { email = ApiClient.NewEmail("nobody"), password = "Wrong-Password-1" });
        var signedIn = await client.SignInAsync(session.Email);
        await client.PostAsync("/refresh", new { refresh_token = signedIn.RefreshToken });

        Assert.Contains(measurements, m => m.Instrument == "authsome.sign_ins");
        Assert.Contains(measurements, m => m.Instrument == "authsome.sign_in.failures" && m.Reason == "wrong_password");
        Assert.Contains(measurements, m => m.Instrument == "authsome.sign_in.failures" && m.Reason == "unknown_user");
        Assert.Contains(measurements, m => m.Instrument == "authsome.sign_ups");
        Assert.Contains(measurements, m => m.Instrument == "authsome.refreshes");
        Assert.Contains(activities, a => a.OperationName == "authsome.sign_in" && a.Status == ActivityStatusCode.Error);
        Assert.Contains(activities, a => a.OperationName == "authsome.session.refresh");
        var tagValues = activities.SelectMany(a => a.TagObjects).Select(t => t.Value?.ToString() ?? string.Empty).ToList();
        foreach (var secret in new[] { ApiClient.Password, "Wrong-Password-1", session.Email, session.AccessToken, signedIn.AccessToken, signedIn.RefreshToken })
        {
            Assert.DoesNotContain(tagValues, v => v.Contains(secret, StringComparison.Ordinal));
        }
    }
}
