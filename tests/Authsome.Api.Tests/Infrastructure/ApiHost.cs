using Authsome.Email;
using Authsome.Hosting;
using Authsome.Store;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Authsome.Api.Tests.Infrastructure;

/// <summary>
/// The real Authsome.Api host (its Program) over TestServer, on a chosen backend and environment. Mail is captured;
/// rate limits are lifted unless a test sets them; password hashing runs at the OWASP floor to keep tests quick.
/// </summary>
public sealed class ApiHost : IAsyncDisposable
{
    private readonly string? sqliteFile;

    private readonly string environment;

    private readonly Dictionary<string, string?> settings;

    private WebApplicationFactory<Program> factory;

    private ApiHost(string environment, Dictionary<string, string?> settings, CapturingEmailSender mail, FakeTimeProvider? time, string? sqliteFile)
    {
        this.environment = environment;
        this.settings = settings;
        this.sqliteFile = sqliteFile;
        Mail = mail;
        Time = time;
        factory = CreateFactory();
    }

    public CapturingEmailSender Mail { get; }

    public FakeTimeProvider? Time { get; }

    public IServiceProvider Services => factory.Services;

    /// <summary>The host's address when it was started on Kestrel.</summary>
    public Uri? BaseAddress { get; private set; }

    public IAuthsomeStore Store => Services.GetRequiredService<IAuthsomeStore>();

    public static async Task<ApiHost> StartAsync(
        Backend backend,
        string environment = "Development",
        IReadOnlyDictionary<string, string?>? settings = null,
        FakeTimeProvider? time = null,
        bool kestrel = false)
    {
        var connectionString = backend switch
        {
            Backend.Postgres => await TestPostgresServer.CreateDatabaseAsync("api_tests", TestContext.Current.CancellationToken),
            Backend.Sqlite => $"Data Source={Path.Combine(Path.GetTempPath(), $"authsome-api-{Guid.NewGuid():N}.db")}",
            Backend.Mongo => MongoTestServer.NewDatabaseUrl(),
            _ => null,
        };
        var mail = new CapturingEmailSender();
        var all = new Dictionary<string, string?>
        {
            ["Authsome:Store:Provider"] = backend.ToString().ToLowerInvariant(),
            ["ConnectionStrings:authsome"] = connectionString,
            ["Authsome:Password:MaxConcurrentHashes"] = "4",
            // Production refuses to start without SMTP; the sender itself is replaced by the capture below.
            ["Authsome:Email:Smtp:Host"] = "smtp.invalid",
            ["Authsome:Email:Smtp:FromAddress"] = "auth@example.com",
            ["Authsome:RateLimits:General:PermitLimit"] = "100000",
            ["Authsome:RateLimits:SignIn:PermitLimit"] = "100000",
            ["Authsome:RateLimits:SignUp:PermitLimit"] = "100000",
            ["Authsome:RateLimits:Refresh:PermitLimit"] = "100000",
            ["Authsome:RateLimits:PasswordReset:PermitLimit"] = "100000",
            ["Authsome:RateLimits:Verification:PermitLimit"] = "100000",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var host = new ApiHost(environment, all, mail, time, backend == Backend.Sqlite ? connectionString!["Data Source=".Length..] : null);
        if (kestrel)
        {
            // A real socket on loopback, for clients that are not ours (a resource server fetching our keys).
            host.factory.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
            host.factory.StartServer();
            host.BaseAddress = new Uri(host.factory.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
                .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First());
            return host;
        }

        // Starts the host (migrations, platform app) before the first request.
        _ = host.factory.Server;
        return host;
    }

    /// <summary>Stops the API and starts it again on the same database (what a deployment or a crash does); mail capture goes on.</summary>
    public async Task RestartAsync()
    {
        await factory.DisposeAsync();
        factory = CreateFactory();
        _ = factory.Server;
    }

    private WebApplicationFactory<Program> CreateFactory() => new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
    {
        web.UseEnvironment(environment);
        foreach (var (key, value) in settings)
        {
            web.UseSetting(key, value);
        }

        web.ConfigureTestServices(services =>
        {
            services.RemoveAll<IEmailSender>();
            services.AddSingleton<IEmailSender>(Mail);
            services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, TestClientAddress>();
            if (Time is not null)
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(Time);
            }
        });
    });

    /// <summary>A client of the host; <paramref name="https"/> makes TestServer requests https (what a deployment sees).</summary>
    public ApiClient CreateClient(bool https = false) => new(BaseAddress is { } address
        ? new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = address }
        : factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            HandleCookies = false,
            BaseAddress = new Uri(https ? "https://localhost" : "http://localhost"),
        }));

    public async ValueTask DisposeAsync()
    {
        await factory.DisposeAsync();
        if (sqliteFile is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in new[] { sqliteFile, sqliteFile + "-wal", sqliteFile + "-shm" })
            {
                File.Delete(file);
            }
        }
    }
}
