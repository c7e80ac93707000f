using System.Net;
using System.Text.Json.Nodes;

namespace Authsome.Fault.Tests.Infrastructure;

/// <summary>What an outage answer must be: an RFC 9457 problem with a stable code, a Retry-After, and nothing of the driver.</summary>
internal static class ProblemAssert
{
    // Words a leaked driver or database message would carry.
    private static readonly string[] Leaks = ["Mongo", "Sqlite", "SQLite", "Npgsql", "Exception", "127.0.0.1", "database or disk is full", "Timeout", "   at "];

    public static async Task UnavailableAsync(HttpResponseMessage response, string code = "store_unavailable")
    {
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Equal(code, JsonNode.Parse(body)?["code"]?.GetValue<string>());
        Assert.All(Leaks, leak => Assert.DoesNotContain(leak, body, StringComparison.Ordinal));
    }
}
