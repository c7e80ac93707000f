using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace Authsome.Bench.Api;

/// <summary>
/// The API under test: <c>dotnet Authsome.Api.dll</c> from its Release output, its output written to a log file,
/// killed (with its children) when disposed. Reads the process's peak resident memory from <c>/proc</c>.
/// </summary>
internal sealed class ApiProcess : IAsyncDisposable
{
    private static readonly TimeSpan s_startTimeout = TimeSpan.FromMinutes(2);

    private readonly Process _process;

    private ApiProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public static async Task<ApiProcess> StartAsync(
        string apiAssembly, IReadOnlyDictionary<string, string> environment, Uri baseAddress, string logFile, CancellationToken cancellationToken)
    {
        if (!File.Exists(apiAssembly))
        {
            throw new BenchException($"The API assembly {apiAssembly} does not exist; build Authsome.Api in Release first.");
        }

        // The shell execs dotnet (same pid) with its output written straight to the log file: no pipe through this
        // process, whose reading could slow the API's logging down under load.
        var info = new ProcessStartInfo("/bin/sh")
        {
            ArgumentList = { "-c", "log=$1; shift; exec dotnet \"$@\" >\"$log\" 2>&1", "sh", logFile, apiAssembly },
            // The content root (appsettings.json) is the working directory.
            WorkingDirectory = Path.GetDirectoryName(apiAssembly)!,
            UseShellExecute = false,
        };
        foreach (var (name, value) in environment)
        {
            if (name.Contains('.', StringComparison.Ordinal))
            {
                // Not a valid shell variable name (a logging category), which the shell would drop: a command-line
                // setting instead, the same configuration key.
                info.ArgumentList.Add($"--{name.Replace("__", ":", StringComparison.Ordinal)}={value}");
            }
            else
            {
                info.Environment[name] = value;
            }
        }

        var process = Process.Start(info) ?? throw new BenchException("Could not start the API process.");
        var api = new ApiProcess(process);
        try
        {
            await api.WaitUntilServingAsync(baseAddress, logFile, cancellationToken);
            return api;
        }
        catch
        {
            await api.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts a new peak: the kernel resets VmHWM to the current RSS (<c>clear_refs</c> value 5).</summary>
    public void ResetPeakMemory() =>
        File.WriteAllText($"/proc/{_process.Id}/clear_refs", "5");

    /// <summary>Peak resident set size since start or the last <see cref="ResetPeakMemory"/>, in bytes.</summary>
    public long ReadPeakMemory()
    {
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                var kib = line["VmHWM:".Length..].Trim().Split(' ')[0];
                return long.Parse(kib, CultureInfo.InvariantCulture) * 1024;
            }
        }

        throw new BenchException($"/proc/{_process.Id}/status has no VmHWM line.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync(CancellationToken.None);
        }

        _process.Dispose();
    }

    private async Task WaitUntilServingAsync(Uri baseAddress, string logFile, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new BenchException($"The API exited with code {_process.ExitCode} during start-up; see {logFile}.");
            }

            try
            {
                // Kestrel listens only once start-up (migrations, platform app) is done; an anonymous /me answers 401.
                using var response = await http.GetAsync(new Uri("v1/auth/me", UriKind.Relative), cancellationToken);
                if (response.StatusCode == HttpStatusCode.Unauthorized)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }

            if (deadline.Elapsed > s_startTimeout)
            {
                throw new BenchException($"The API did not answer within {s_startTimeout.TotalSeconds:0} s; see {logFile}.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
        }
    }
}
