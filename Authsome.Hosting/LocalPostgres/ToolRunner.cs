using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Authsome.Hosting;

/// <summary>What a finished tool returned: its exit code and the tail of its combined output.</summary>
internal sealed record ToolResult(int ExitCode, string OutputTail)
{
    public bool Succeeded => ExitCode == 0;
}

/// <summary>
/// Runs the PostgreSQL tools (and <c>chown</c>) with an argument list, never a shell string. When
/// <c>runAsUser</c> is given (the current process is root), the tool runs through
/// <c>runuser -u USER --</c>, because <c>initdb</c> and the server refuse to run as root.
/// </summary>
internal static class ToolRunner
{
    private const int TailCharacters = 4000;

    public static async Task<ToolResult> RunAsync(
        string fileName,
        IReadOnlyList<string> arguments,
        string? runAsUser,
        string workingDirectory,
        TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        var tail = new OutputTail(TailCharacters);
        using var process = Start(fileName, arguments, runAsUser, workingDirectory, tail);
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(timeoutSource.Token);
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            cancellationToken.ThrowIfCancellationRequested();
            throw new LocalPostgresException(
                $"{Path.GetFileName(fileName)} did not finish within {timeout.TotalSeconds:0} s.{FormatTail(tail.ToString())}");
        }

        return new ToolResult(process.ExitCode, tail.ToString());
    }

    /// <summary>Synchronous variant for <see cref="AppDomain.ProcessExit"/>, where nothing can be awaited.</summary>
    public static ToolResult Run(
        string fileName,
        IReadOnlyList<string> arguments,
        string? runAsUser,
        string workingDirectory,
        TimeSpan timeout)
    {
        var tail = new OutputTail(TailCharacters);
        using var process = Start(fileName, arguments, runAsUser, workingDirectory, tail);
        if (!process.WaitForExit(timeout))
        {
            Kill(process);
            return new ToolResult(-1, tail.ToString());
        }

        process.WaitForExit(); // drains the asynchronous output readers
        return new ToolResult(process.ExitCode, tail.ToString());
    }

    /// <summary>Formats an output tail for an exception message: empty when there is none.</summary>
    public static string FormatTail(string tail) =>
        string.IsNullOrWhiteSpace(tail) ? string.Empty : $"{Environment.NewLine}Output (last lines):{Environment.NewLine}{tail.TrimEnd()}";

    private static Process Start(
        string fileName,
        IReadOnlyList<string> arguments,
        string? runAsUser,
        string workingDirectory,
        OutputTail tail)
    {
        var startInfo = new ProcessStartInfo
        {
            FileName = runAsUser is null ? fileName : "runuser",
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (runAsUser is not null)
        {
            startInfo.ArgumentList.Add("-u");
            startInfo.ArgumentList.Add(runAsUser);
            startInfo.ArgumentList.Add("--");
            startInfo.ArgumentList.Add(fileName);
        }

        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        // Messages the tools print are matched (port already in use), so keep them in English.
        startInfo.Environment["LC_MESSAGES"] = "C";

        var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => tail.Append(e.Data);
        process.ErrorDataReceived += (_, e) => tail.Append(e.Data);
        try
        {
            process.Start();
        }
        catch (Win32Exception exception)
        {
            process.Dispose();
            var what = runAsUser is null
                ? $"'{fileName}'"
                : $"'runuser' (util-linux, needed to run '{Path.GetFileName(fileName)}' as '{runAsUser}' because this process is root)";
            throw new LocalPostgresException($"Could not start {what}: {exception.Message}", exception);
        }

        process.StandardInput.Close(); // the tools never prompt
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // already exited
        }
    }

    /// <summary>Keeps only the last characters of a tool's output, thread-safe.</summary>
    private sealed class OutputTail(int capacity)
    {
        private readonly StringBuilder _text = new();
        private readonly Lock _gate = new();

        public void Append(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (_gate)
            {
                _text.AppendLine(line);
                if (_text.Length > capacity)
                {
                    _text.Remove(0, _text.Length - capacity);
                }
            }
        }

        public override string ToString()
        {
            lock (_gate)
            {
                return _text.ToString();
            }
        }
    }
}
