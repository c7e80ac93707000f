using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Authsome.Api.Tests.Infrastructure;

/// <summary>
/// A webhook endpoint on 127.0.0.1 (Kestrel, real sockets): keeps every request it gets, answers with
/// <see cref="StatusCode"/>, and can be stopped and started again on the same port (a receiver that is down
/// refuses connections).
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedWebhook> received = new();
    private WebApplication? app;

    public WebhookReceiver() => Port = FreePort();

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}/hook";

    public int StatusCode { get; set; } = StatusCodes.Status200OK;

    public string ResponseBody { get; set; } = "ok";

    public IReadOnlyCollection<ReceivedWebhook> Received => received;

    public static async Task<WebhookReceiver> StartedAsync()
    {
        var receiver = new WebhookReceiver();
        await receiver.StartAsync();
        return receiver;
    }

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, Port));
        app = builder.Build();
        app.MapPost("/hook", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync();
            received.Enqueue(new ReceivedWebhook(body, new HeaderDictionary(request.Headers.ToDictionary(h => h.Key, h => h.Value))));
            return Results.Text(ResponseBody, statusCode: StatusCode);
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
    }

    public async Task StopAsync()
    {
        if (app is not null)
        {
            await app.StopAsync(TestContext.Current.CancellationToken);
            await app.DisposeAsync();
            app = null;
        }
    }

    /// <summary>Waits (up to 20 s) for a request matching <paramref name="match"/>.</summary>
    public async Task<ReceivedWebhook> WaitForAsync(Func<ReceivedWebhook, bool> match)
    {
        for (var i = 0; i < 800; i++)
        {
            if (received.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            await Task.Delay(25, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException("The receiver got no matching webhook.");
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>One request a receiver got.</summary>
public sealed record ReceivedWebhook(string Body, IHeaderDictionary Headers)
{
    public JsonNode Json => JsonNode.Parse(Body)!;

    public string Type => Json["type"]!.GetValue<string>();

    public string Id => Headers["webhook-id"].ToString();
}
