using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Authsome.AppHost.Tests;

/// <summary>
/// The built AppHost run as its own process, as <c>dotnet run --project AppHost</c> runs it: its output is kept line
/// by line so a test can wait for what it announces, and it can be sent signals.
/// </summary>
internal sealed partial class AppHostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _lines = [];
    private readonly SemaphoreSlim _changed = new(0);
    private readonly Task _reading;

    private AppHostProcess(Process process)
    {
        _process = process;
        _reading = Task.WhenAll(ReadAsync(process.StandardOutput), ReadAsync(process.StandardError));
    }

    public int Id => _process.Id;

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    public string Output => string.Join('\n', Lines);

    public static AppHostProcess Start(IReadOnlyDictionary<string, string>? environment = null, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Authsome.AppHost.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["AppHost__RandomizePorts"] = "true";
        start.Environment.Remove("ConnectionStrings__postgres");
        start.Environment.Remove("ConnectionStrings__mongo");
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return new AppHostProcess(Process.Start(start)!);
    }

    /// <summary>Waits for a line matching <paramref name="pattern"/> and returns its match; fails when the AppHost exits first.</summary>
    public async Task<Match> WaitForLineAsync(Regex pattern, TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        while (true)
        {
            if (Lines.Select(l => pattern.Match(l)).FirstOrDefault(m => m.Success) is { } match)
            {
                return match;
            }

            if (_reading.IsCompleted)
            {
                Assert.Fail($"The AppHost exited (code {_process.ExitCode}) before printing /{pattern}/:\n{Output}");
            }

            try
            {
                await _changed.WaitAsync(TimeSpan.FromSeconds(1), limit.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"The AppHost did not print /{pattern}/ within {timeout}:\n{Output}");
            }
        }
    }

    /// <summary>The URL the AppHost announced for the API once it was healthy.</summary>
    public async Task<Uri> WaitForApiAsync() =>
        new((await WaitForLineAsync(ApiUrl(), TimeSpan.FromMinutes(4))).Groups["url"].Value);

    /// <summary>The process ids of the projects the AppHost announced it started.</summary>
    public IReadOnlyList<int> ChildProcessIds =>
        [.. Lines.Select(l => ProjectStarted().Match(l)).Where(m => m.Success).Select(m => int.Parse(m.Groups["pid"].Value, System.Globalization.CultureInfo.InvariantCulture))];

    /// <summary>The local cluster's data directory and binaries, as the AppHost announced them.</summary>
    public (string DataDirectory, string BinDirectory) Cluster()
    {
        var data = Lines.Select(l => ClusterData().Match(l)).First(m => m.Success).Groups["data"].Value;
        var bin = Lines.Select(l => ClusterBin().Match(l)).First(m => m.Success).Groups["bin"].Value;
        return (data, bin);
    }

    /// <summary>Sends SIGINT (Ctrl+C), or SIGTERM when this process was started with SIGINT ignored (as a shell does for background jobs).</summary>
    public async Task<string> InterruptAsync()
    {
        var signal = SigIntIgnored(_process.Id) ? "TERM" : "INT";
        using var kill = Process.Start("kill", [$"-{signal}", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
        await kill.WaitForExitAsync();
        return signal;
    }

    /// <summary>Waits for the AppHost to exit and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(limit.Token);
        await _reading;
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        await _reading;
        _process.Dispose();
    }

    /// <summary>Whether a live process exists with this id (and is not a zombie).</summary>
    public static bool IsRunning(int processId)
    {
        var status = $"/proc/{processId}/status";
        return File.Exists(status) && !File.ReadAllText(status).Contains("State:\tZ", StringComparison.Ordinal);
    }

    /// <summary>Whether any process on the machine runs a PostgreSQL server over <paramref name="dataDirectory"/>.</summary>
    public static bool IsServerRunning(string dataDirectory) =>
        Directory.EnumerateDirectories("/proc")
            .Select(d => Path.Combine(d, "cmdline"))
            .Any(file =>
            {
                try
                {
                    return File.Exists(file) && File.ReadAllText(file).Replace('\0', ' ').Contains($"-D {dataDirectory}", StringComparison.Ordinal);
                }
                catch (IOException)
                {
                    return false;
                }
            });

    private static bool SigIntIgnored(int processId)
    {
        var line = File.ReadLines($"/proc/{processId}/status").First(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        var mask = Convert.ToUInt64(line["SigIgn:".Length..].Trim(), 16);
        return (mask & (1UL << 1)) != 0;
    }

    private async Task ReadAsync(StreamReader reader)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (_lines)
            {
                _lines.Add(line);
            }

            _changed.Release();
        }
    }

    [GeneratedRegex(@"api: (?<url>http://localhost:\d+)/?$")]
    private static partial Regex ApiUrl();

    [GeneratedRegex(@"(?<name>\w+) started \(process (?<pid>\d+)\)")]
    private static partial Regex ProjectStarted();

    [GeneratedRegex(@"data in (?<data>\S+), removed when")]
    private static partial Regex ClusterData();

    [GeneratedRegex(@"cluster from (?<bin>\S+)$")]
    private static partial Regex ClusterBin();
}
