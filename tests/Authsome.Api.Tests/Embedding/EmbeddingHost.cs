using Authsome.Api.Tests.Infrastructure;
using Authsome.Email;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Authsome.Api.Tests.Embedding;

/// <summary>An application of its own that embeds the engine the way the docs say, with extra endpoints and settings.</summary>
internal static class EmbeddingHost
{
    public static async Task<WebApplication> StartAsync(
        Action<AuthsomeBuilder> configureAuthsome,
        Action<WebApplication> mapEndpoints,
        IReadOnlyDictionary<string, string?>? settings = null,
        CapturingEmailSender? mail = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.Services.AddSingleton<IEmailSender>(mail ?? new CapturingEmailSender());
        builder.Services.AddAuthsome(configureAuthsome);
        builder.Services.AddAuthsomeAuthentication();

        var app = builder.Build();
        app.UseAuthsome();
        app.MapAuthsome();
        mapEndpoints(app);
        await app.StartAsync(TestContext.Current.CancellationToken);
        return app;
    }

    /// <summary>A client of the app; <paramref name="https"/> makes its requests https (what a deployment sees).</summary>
    public static ApiClient Client(this WebApplication app, bool https = false)
    {
        var http = app.GetTestClient();
        if (https)
        {
            http.BaseAddress = new Uri("https://localhost");
        }

        return new ApiClient(http);
    }
}
