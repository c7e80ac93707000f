using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Authsome.Fault.Tests.Infrastructure;

/// <summary>
/// Sign-ups, sign-ins, GET /me and refreshes sent in a loop by a few workers until stopped, recording every status
/// (or the transport error) and which sign-ups were answered 201, so a test can check the store against the answers.
/// </summary>
internal sealed class Traffic(HttpClient http, string accessToken, string? refreshToken = null)
{
    public const string Password = "Correct-Horse-42";

    private readonly CancellationTokenSource stop = new();
    private readonly List<Task> workers = [];

    /// <summary>Every answer: route and status code, or route and "error" when the request failed at the transport.</summary>
    public ConcurrentBag<(string Route, string Status)> Answers { get; } = [];

    /// <summary>Emails whose sign-up answered 201.</summary>
    public ConcurrentBag<string> SignedUp { get; } = [];

    /// <summary>Emails whose sign-up answered something else.</summary>
    public ConcurrentBag<string> NotSignedUp { get; } = [];

    public static string NewEmail() => $"fault-{Guid.NewGuid():N}@example.com";

    public static async Task<JsonObject> SignUpAsync(HttpClient http, string email, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync("/v1/auth/signup", new { email, password = Password }, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    public void Start(int workersPerRoute = 2)
    {
        for (var i = 0; i < workersPerRoute; i++)
        {
            workers.Add(Task.Run(() => LoopAsync(SignUpOnceAsync)));
            workers.Add(Task.Run(() => LoopAsync(MeOnceAsync)));
            if (refreshToken is not null && i == 0)
            {
                workers.Add(Task.Run(() => LoopAsync(RefreshOnceAsync)));
            }
        }
    }

    public async Task StopAsync()
    {
        await stop.CancelAsync();
        await Task.WhenAll(workers);
    }

    /// <summary>The statuses seen, e.g. "me 200" x 40, "signup 503" x 3.</summary>
    public string Summary() => string.Join(", ", Answers.GroupBy(a => $"{a.Route} {a.Status}").OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} x{g.Count()}"));

    private async Task LoopAsync(Func<CancellationToken, Task> once)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await once(stop.Token);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }

            await Task.Delay(20, CancellationToken.None);
        }
    }

    private async Task SignUpOnceAsync(CancellationToken cancellationToken)
    {
        var email = NewEmail();
        var status = await SendAsync("signup", () => http.PostAsJsonAsync("/v1/auth/signup", new { email, password = Password }, cancellationToken));
        (status == "201" ? SignedUp : NotSignedUp).Add(email);
    }

    private Task MeOnceAsync(CancellationToken cancellationToken) =>
        SendAsync("me", () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "/v1/auth/me");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
            return http.SendAsync(request, cancellationToken);
        });

    private async Task RefreshOnceAsync(CancellationToken cancellationToken)
    {
        string? next = null;
        await SendAsync("refresh", async () =>
        {
            var response = await http.PostAsJsonAsync("/v1/auth/refresh", new { refresh_token = refreshToken }, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                next = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))?["refresh_token"]?.GetValue<string>();
            }

            return response;
        });
        refreshToken = next ?? refreshToken;
    }

    private async Task<string> SendAsync(string route, Func<Task<HttpResponseMessage>> send)
    {
        string status;
        try
        {
            using var response = await send();
            status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (HttpRequestException)
        {
            status = "error";
        }

        Answers.Add((route, status));
        return status;
    }
}
