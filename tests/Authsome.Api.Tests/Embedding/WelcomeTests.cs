using System.Net;
using Authsome.Api.Tests.Infrastructure;

namespace Authsome.Api.Tests.Embedding;

/// <summary>GET / points a newcomer to the hosted pages and the API reference, in Development only.</summary>
public sealed class WelcomeTests
{
    [Fact]
    public async Task RootLinksToThePagesAndTheApiReferenceInDevelopment()
    {
        await using var host = await ApiHost.StartAsync(Backend.Memory);
        using var client = host.CreateClient();

        using var response = await client.Http.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("href=\"/auth/sign-up\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/scalar\"", html, StringComparison.Ordinal);
        using var reference = await client.Http.GetAsync(new Uri("/scalar", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.NotEqual(HttpStatusCode.NotFound, reference.StatusCode);
    }

    [Fact]
    public async Task RootIsNotFoundOutsideDevelopment()
    {
        await using var host = await ApiHost.StartAsync(Backend.Memory, environment: "Production");
        using var client = host.CreateClient();

        using var response = await client.Http.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
