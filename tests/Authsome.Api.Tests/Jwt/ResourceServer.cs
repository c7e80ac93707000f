using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Authsome.Api.Tests.Jwt;

/// <summary>
/// A separate, plain ASP.NET Core app that knows nothing of Authsome: only <c>AddJwtBearer</c> pointed at our issuer,
/// exactly as docs/federation.md shows. <c>GET /orders</c> needs a valid token and answers with its <c>sub</c>.
/// </summary>
public sealed class ResourceServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private ResourceServer(WebApplication app, Uri address)
    {
        this.app = app;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<ResourceServer> StartAsync(string issuer)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Services.AddAuthentication().AddJwtBearer(options =>
        {
            options.Authority = issuer;
            options.Audience = issuer;
            options.RequireHttpsMetadata = false; // the test's issuer is http://127.0.0.1; keep the default in production
            options.MapInboundClaims = false;
        });
        builder.Services.AddAuthorization();
        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/orders", (System.Security.Claims.ClaimsPrincipal user) => user.FindFirst("sub")!.Value).RequireAuthorization();
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ResourceServer(app, new Uri(address));
    }

    public async Task<(HttpStatusCode Status, string Body)> GetOrdersAsync(string token)
    {
        using var http = new HttpClient { BaseAddress = Address };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/orders");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
