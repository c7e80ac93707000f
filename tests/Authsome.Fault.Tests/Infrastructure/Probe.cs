using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;

namespace Authsome.Fault.Tests.Infrastructure;

/// <summary>Polls a route until it answers a wanted status, and says how long that took.</summary>
internal static class Probe
{
    public static async Task<HttpResponseMessage> GetAsync(HttpClient http, string path, string? token = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public static async Task<HttpResponseMessage> UntilAsync(HttpClient http, string path, HttpStatusCode wanted, TimeSpan within, string? token = null)
    {
        var clock = Stopwatch.StartNew();
        HttpStatusCode? last = null;
        while (clock.Elapsed < within)
        {
            try
            {
                var response = await GetAsync(http, path, token);
                if (response.StatusCode == wanted)
                {
                    return response;
                }

                last = response.StatusCode;
                response.Dispose();
            }
            catch (HttpRequestException)
            {
                last = null;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException($"GET {path} did not answer {(int)wanted} within {within.TotalSeconds} s (last: {(last is { } s ? (int)s : "no answer")}).");
    }
}
