using System.Diagnostics;
using System.Net.Http.Headers;

namespace Authsome.Bench.Load;

/// <summary>
/// A fixed-rate HTTP client (Debian has no wrk2): request i is due at start + i / rate whatever happened before it,
/// and its latency runs from when it was due, not from when a connection was free to send it. A stall therefore
/// counts against every request it delayed, which a closed-loop client like wrk does not see (coordinated omission).
/// Requests due within the same timer tick go out together, so the figures include up to about a millisecond of the
/// client's own timer.
/// </summary>
internal static class PacedClient
{
    public static async Task<LoadResult> RunAsync(
        Uri baseAddress, string path, Func<string> bearerToken, double rate, int connections, int seconds, CancellationToken cancellationToken)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections, UseCookies = false };
        using var http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var total = (int)Math.Max(1, rate * seconds);
        var latencies = new long[total];
        var errors = 0L;
        var sends = new Task[total];
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < total; i++)
        {
            var due = start + (long)(i * Stopwatch.Frequency / rate);
            var early = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (early > TimeSpan.Zero)
            {
                await Task.Delay(early, cancellationToken);
            }

            sends[i] = SendAsync(i, due, bearerToken());
        }

        await Task.WhenAll(sends);
        var elapsed = Stopwatch.GetElapsedTime(start);
        Array.Sort(latencies);
        return new LoadResult(total, elapsed, Percentile(latencies, 0.50), Percentile(latencies, 0.99), errors, new Dictionary<int, long>());

        async Task SendAsync(int index, long due, string token)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, path);
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref errors);
                }
            }
            catch (HttpRequestException)
            {
                Interlocked.Increment(ref errors);
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                Interlocked.Increment(ref errors);
            }

            latencies[index] = Stopwatch.GetTimestamp() - due;
        }
    }

    private static TimeSpan Percentile(long[] sortedTicks, double quantile) =>
        TimeSpan.FromSeconds(sortedTicks[Math.Min(sortedTicks.Length - 1, (int)(quantile * sortedTicks.Length))] / (double)Stopwatch.Frequency);
}
