using System.Collections.Concurrent;
using System.Net.Http.Json;
using Authsome.Api.Tests.Infrastructure;
using Authsome.Email;
using Authsome.Hosting;
using Authsome.SamplePlugin.Plugin;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using MongoDB.Driver;

namespace Authsome.SamplePlugin.Tests;

/// <summary>The store the host runs on.</summary>
public enum Backend
{
    Memory,
    Sqlite,
    Postgres,
    Mongo,
}

/// <summary>An application embedding the engine with the password plugin and the sample plugin, on one backend.</summary>
public sealed class SamplePluginHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Action _cleanUp;

    private SamplePluginHost(WebApplication app, CapturingEmailSender mail, Action cleanUp)
    {
        _app = app;
        Mail = mail;
        _cleanUp = cleanUp;
        Client = app.GetTestClient();
    }

    /// <summary>What the engine mailed.</summary>
    public CapturingEmailSender Mail { get; }

    /// <summary>A client of the host's routes.</summary>
    public HttpClient Client { get; }

    /// <summary>The host's services.</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>The engine's public surface.</summary>
    public IAuthsomeEngine Engine => Services.GetRequiredService<IAuthsomeEngine>();

    /// <summary>The sample plugin's instance.</summary>
    public OneTimeCodePlugin Plugin => Services.GetRequiredService<OneTimeCodePlugin>();

    public static async Task<SamplePluginHost> StartAsync(Backend backend, CancellationToken cancellationToken)
    {
        var sqliteFile = Path.Combine(Path.GetTempPath(), $"authsome-sample-{Guid.NewGuid():N}.db");
        var mongoUrl = backend == Backend.Mongo ? new MongoUrl(MongoTestServer.NewDatabaseUrl()) : null;
        var mail = new CapturingEmailSender();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.WebHost.UseTestServer();
        builder.Services.AddSingleton<IEmailSender>(mail);
        var postgres = backend == Backend.Postgres ? await TestPostgresServer.CreateDatabaseAsync("sample_plugin", cancellationToken) : null;
        builder.Services.AddAuthsome(authsome =>
        {
            _ = backend switch
            {
                Backend.Memory => authsome.UseMemory(),
                Backend.Sqlite => authsome.UseSqlite($"Data Source={sqliteFile}"),
                Backend.Postgres => authsome.UsePostgres(postgres),
                _ => authsome.UseMongo(mongoUrl!.ToString()),
            };
            authsome.AddPassword().AddOneTimeCodes();
        });
        builder.Services.AddAuthsomeAuthentication();

        var app = builder.Build();
        app.UseAuthsome();
        app.MapAuthsome();
        await app.StartAsync(cancellationToken);
        return new SamplePluginHost(app, mail, () =>
        {
            if (backend == Backend.Sqlite)
            {
                SqliteConnection.ClearAllPools();
                foreach (var file in new[] { sqliteFile, sqliteFile + "-wal", sqliteFile + "-shm" })
                {
                    File.Delete(file);
                }
            }

            if (mongoUrl is not null)
            {
                new MongoClient(mongoUrl).DropDatabase(mongoUrl.DatabaseName);
            }
        });
    }

    public async Task<HttpResponseMessage> PostAsync(string path, object body, CancellationToken cancellationToken) =>
        await Client.PostAsJsonAsync("/v1/auth" + path, body, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
        _cleanUp();
    }

    /// <summary>Keeps what the engine mails.</summary>
    public sealed class CapturingEmailSender : IEmailSender
    {
        public ConcurrentQueue<EmailMessage> Sent { get; } = new();

        public Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
        {
            Sent.Enqueue(message);
            return Task.CompletedTask;
        }
    }
}
