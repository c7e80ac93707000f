using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Authsome.ServiceDefaults.Tests;

/// <summary>A minimal web host with the service defaults on a free loopback port, and a switchable readiness check.</summary>
internal sealed class TestHost : IAsyncDisposable
{
    private TestHost(WebApplication app, SwitchableHealthCheck check, HttpClient client)
    {
        App = app;
        Check = check;
        Client = client;
    }

    public WebApplication App { get; }

    public SwitchableHealthCheck Check { get; }

    public HttpClient Client { get; }

    public static async Task<TestHost> StartAsync(string environment, IDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment, ApplicationName = "Authsome.ServiceDefaults.Tests" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.AddServiceDefaults();
        var check = new SwitchableHealthCheck();
        builder.Services.AddHealthChecks().AddCheck("store", check, tags: ["ready"]);

        var app = builder.Build();
        app.MapDefaultEndpoints();
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new TestHost(app, check, new HttpClient { BaseAddress = new Uri(address) });
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync(CancellationToken.None);
        await App.DisposeAsync();
    }
}
