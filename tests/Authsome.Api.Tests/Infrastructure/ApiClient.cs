using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Authsome.Api.Tests.Infrastructure;

/// <summary>An HTTP client for the engine's routes: sends JSON, reads answers as JSON nodes.</summary>
public sealed class ApiClient(HttpClient http) : IDisposable
{
    public const string Base = "/v1/auth";
    public const string Password = "Correct-Horse-42";

    public HttpClient Http => http;

    public static string NewEmail(string prefix = "user") => $"{prefix}-{Guid.NewGuid():N}@example.com";

    public Task<Answer> PostAsync(string path, object? body, string? token = null) => SendAsync(HttpMethod.Post, path, body, token);

    /// <summary>Posts as the client at <paramref name="address"/> (see <see cref="TestClientAddress"/>).</summary>
    public async Task<Answer> PostFromAsync(string address, string path, object? body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Base + path) { Content = JsonContent.Create(body) };
        request.Headers.Add(TestClientAddress.Header, address);
        return await SendAsync(request, null);
    }

    public Task<Answer> GetAsync(string path, string? token = null) => SendAsync(HttpMethod.Get, path, null, token);

    public Task<Answer> PatchAsync(string path, object body, string? token = null) => SendAsync(HttpMethod.Patch, path, body, token);

    public Task<Answer> DeleteAsync(string path, string? token = null) => SendAsync(HttpMethod.Delete, path, null, token);

    public async Task<Answer> SendAsync(HttpMethod method, string path, object? body, string? token = null)
    {
        using var request = new HttpRequestMessage(method, Base + path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await SendAsync(request, token);
    }

    /// <summary>Sends a raw body with a chosen content type.</summary>
    public async Task<Answer> PostRawAsync(string path, string body, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Base + path)
        {
            Content = new StringContent(body, Encoding.UTF8, contentType),
        };
        return await SendAsync(request, null);
    }

    public async Task<Answer> SendAsync(HttpRequestMessage request, string? token)
    {
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var json = text.Length > 0 && (response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.Ordinal) ?? false)
            ? JsonNode.Parse(text)
            : null;
        return new Answer(response.StatusCode, json, text, response.Headers, response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>Signs up (in Development no verification is needed) and returns the answer's tokens.</summary>
    public async Task<SignedIn> SignUpAsync(string? email = null, string password = Password, string? username = null)
    {
        email ??= NewEmail();
        var answer = await PostAsync("/signup", new { email, password, username });
        Assert.Equal(HttpStatusCode.Created, answer.Status);
        return SignedIn.From(email, answer);
    }

    public async Task<SignedIn> SignInAsync(string email, string password = Password)
    {
        var answer = await PostAsync("/signin", new { email, password });
        Assert.True(answer.Status == HttpStatusCode.OK, answer.Text);
        return SignedIn.From(email, answer);
    }

    public void Dispose() => http.Dispose();
}

/// <summary>An HTTP answer.</summary>
public sealed record Answer(HttpStatusCode Status, JsonNode? Json, string Text, HttpResponseHeaders Headers, string? MediaType)
{
    public string? Code => Json?["code"]?.GetValue<string>();

    public string? Str(string name) => Json?[name]?.GetValue<string>();

    /// <summary>The body without members that differ on every request (trace id).</summary>
    public string Comparable()
    {
        var copy = Json?.DeepClone();
        if (copy is JsonObject obj)
        {
            obj.Remove("trace_id");
        }

        return copy?.ToJsonString() ?? Text;
    }

    /// <summary>The body's shape: member names and value kinds, recursively, not the values.</summary>
    public string Shape() => ShapeOf(Json);

    private static string ShapeOf(JsonNode? node) => node switch
    {
        JsonObject obj => "{" + string.Join(",", obj.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + ":" + ShapeOf(p.Value))) + "}",
        JsonArray array => "[" + string.Join(",", array.Select(ShapeOf)) + "]",
        JsonValue value => value.GetValueKind().ToString(),
        null => "null",
        _ => "?",
    };
}

/// <summary>The tokens of a signed-in session.</summary>
public sealed record SignedIn(string Email, string UserId, string AccessToken, string RefreshToken)
{
    public static SignedIn From(string email, Answer answer) => new(
        email,
        answer.Json!["user"]!["id"]!.GetValue<string>(),
        answer.Json["session_token"]?.GetValue<string>() ?? string.Empty,
        answer.Json["refresh_token"]?.GetValue<string>() ?? string.Empty);
}
