using System.Diagnostics;

namespace Authsome.AppHost.Orchestration;

/// <summary>
/// A started project: its output shown line by line prefixed with the resource's name, its last lines kept for a
/// failure report, and a graceful stop (SIGTERM, then a kill of the whole tree after a grace period).
/// </summary>
internal sealed class ResourceProcess
{
    private const int KeptLines = 40;
    private readonly Process _process;
    private readonly string _prefix;
    private readonly TextWriter _console;
    private readonly Queue<string> _lastLines = new();
    private readonly Lock _gate = new();

    private ResourceProcess(Process process, string name, TextWriter console)
    {
        _process = process;
        ProcessId = process.Id;
        _prefix = $"[{name}] ";
        _console = console;
        Exited = WaitForExitAsync();
    }

    /// <summary>Completes with the exit code once the process has exited and its output has been read to the end.</summary>
    public Task<int> Exited { get; }

    public int ProcessId { get; }

    /// <summary>Runs the project's built assembly with <c>dotnet</c>, in the project's directory, with <paramref name="environment"/> added.</summary>
    public static ResourceProcess Start(ProjectResource project, IReadOnlyDictionary<string, string> environment, TextWriter console)
    {
        if (!File.Exists(project.Metadata.AssemblyPath))
        {
            throw new ResourceFailedException(
                project,
                $"{project.Name}: {project.Metadata.AssemblyPath} does not exist. Build the AppHost first (dotnet build AppHost): it builds the projects it starts.");
        }

        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = Path.GetDirectoryName(project.Metadata.ProjectPath)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(project.Metadata.AssemblyPath);
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new ResourceFailedException(project, $"{project.Name}: the process did not start.");
        return new ResourceProcess(process, project.Name, console);
    }

    /// <summary>The last lines the process wrote (stdout and stderr interleaved as they arrived).</summary>
    public IReadOnlyList<string> LastLines()
    {
        lock (_gate)
        {
            return [.. _lastLines];
        }
    }

    /// <summary>Asks the process to stop (SIGTERM) and waits for it; kills its whole tree when it has not exited within <paramref name="grace"/>.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (Exited.IsCompleted)
        {
            return;
        }

        Signals.Terminate(ProcessId);
        if (await Task.WhenAny(Exited, Task.Delay(grace)) != Exited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await Exited;
    }

    private async Task<int> WaitForExitAsync()
    {
        await Task.WhenAll(PumpAsync(_process.StandardOutput), PumpAsync(_process.StandardError), _process.WaitForExitAsync());
        var exitCode = _process.ExitCode;
        _process.Dispose();
        return exitCode;
    }

    private async Task PumpAsync(StreamReader reader)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (_gate)
            {
                _lastLines.Enqueue(line);
                if (_lastLines.Count > KeptLines)
                {
                    _lastLines.Dequeue();
                }

                _console.WriteLine(_prefix + line);
            }
        }
    }

    /// <summary>The <c>dotnet</c> host running this AppHost when it runs under one, else <c>dotnet</c> from PATH.</summary>
    private static string DotnetHost()
    {
        var current = Environment.ProcessPath;
        return current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet" ? current : "dotnet";
    }
}
