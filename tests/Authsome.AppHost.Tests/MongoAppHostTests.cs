using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting.Testing;

namespace Authsome.AppHost.Tests;

/// <summary>
/// <c>Authsome:Store=mongo</c> without a container runtime: the MongoDB server is the connection-string parameter
/// <c>ConnectionStrings:mongo</c> (the server in <c>AUTHSOME_TEST_MONGO</c>), its <c>authsome</c> database goes to both
/// projects, and they reach it through our MongoDB client integration. Skipped without <c>AUTHSOME_TEST_MONGO</c>, unless
/// <c>AUTHSOME_TEST_MONGO_REQUIRED=1</c>.
/// </summary>
public sealed class MongoAppHostTests
{
    [Fact]
    public async Task Api_SignsUpAndReportsMongoClientHealthy_WhenStoreIsMongo()
    {
        var url = Environment.GetEnvironmentVariable("AUTHSOME_TEST_MONGO");
        if (string.IsNullOrEmpty(url))
        {
            Assert.False(Environment.GetEnvironmentVariable("AUTHSOME_TEST_MONGO_REQUIRED") == "1", "AUTHSOME_TEST_MONGO_REQUIRED is set but AUTHSOME_TEST_MONGO is not.");
            Assert.Skip("AUTHSOME_TEST_MONGO is not set: no MongoDB server to test against.");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(AppHostFactory.StartTimeout);
        var builder = await AppHostFactory.CreateAsync(dashboard: false, timeout.Token, "--Authsome:Store=mongo", $"--ConnectionStrings:mongo={url}");
        await using var app = await builder.BuildAsync(timeout.Token);
        await app.StartAsync(timeout.Token);
        await app.ResourceNotifications.WaitForResourceHealthyAsync("api", timeout.Token);

        using var http = app.CreateHttpClient("api");
        using var signUp = await http.PostAsJsonAsync("/v1/auth/signup", new { email = $"grace.{Guid.NewGuid():N}@example.com", password = "Correct-Horse-42" }, timeout.Token);
        Assert.Equal(HttpStatusCode.Created, signUp.StatusCode);
        using var health = JsonDocument.Parse(await http.GetStringAsync("/health", timeout.Token));
        var checks = health.RootElement.GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("MongoDB").GetProperty("status").GetString());
        Assert.Equal("Healthy", checks.GetProperty("authsome-store").GetProperty("status").GetString());
    }
}
