using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Authsome.Fault.Tests.Infrastructure;

/// <summary>
/// The built Authsome.Api run as its own process on a free loopback port, as a deployment runs it, so a test can
/// kill it with SIGKILL and start it again. Development environment (sign-in needs no verified email), rate limits
/// lifted; everything it prints is kept for the failure message.
/// </summary>
internal sealed class ApiProcess : IAsyncDisposable
{
    private static readonly string s_assembly = Path.Combine(AppContext.BaseDirectory, "Authsome.Api.dll");

    private readonly Process process;
    private readonly StringBuilder output;

    private ApiProcess(Process process, StringBuilder output, Uri address)
    {
        this.process = process;
        this.output = output;
        Address = address;
    }

    public Uri Address { get; }

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public static async Task<ApiProcess> StartAsync(string provider, string connectionString, IReadOnlyDictionary<string, string>? settings = null)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(s_assembly);
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["DOTNET_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Logging__Console__FormatterName"] = "simple";
        start.Environment["Authsome__Store__Provider"] = provider;
        start.Environment["ConnectionStrings__authsome"] = connectionString;
        start.Environment["Authsome__RateLimits__Enabled"] = "false";
        start.Environment["Authsome__Passwords__MaxConcurrentHashes"] = "8";
        start.Environment.Remove("OTEL_EXPORTER_OTLP_ENDPOINT");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(start)!;
        var output = new StringBuilder();
        _ = CopyAsync(process.StandardOutput, output);
        _ = CopyAsync(process.StandardError, output);
        var api = new ApiProcess(process, output, new Uri($"http://127.0.0.1:{port}"));
        await api.WaitUntilAliveAsync();
        return api;
    }

    public HttpClient CreateClient(TimeSpan? timeout = null) =>
        new() { BaseAddress = Address, Timeout = timeout ?? TimeSpan.FromSeconds(30) };

    /// <summary>SIGKILL: no shutdown code runs, as when a container is killed or a machine loses power.</summary>
    public async Task KillAsync()
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            await KillAsync();
        }

        process.Dispose();
    }

    private async Task WaitUntilAliveAsync()
    {
        using var http = CreateClient(TimeSpan.FromSeconds(2));
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The API exited with code {process.ExitCode}:\n{Output}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("/alive", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"The API did not become alive within 90 s:\n{Output}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task CopyAsync(StreamReader reader, StringBuilder output)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }
}
