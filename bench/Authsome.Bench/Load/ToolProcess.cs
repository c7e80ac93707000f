using System.Diagnostics;
using System.Text;

namespace Authsome.Bench.Load;

/// <summary>Runs a command-line tool to completion and returns its exit code and combined output.</summary>
internal static class ToolProcess
{
    public static async Task<(int ExitCode, string Output)> RunAsync(
        string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        using var process = Process.Start(info) ?? throw new BenchException($"Could not start {fileName}.");
        var output = new StringBuilder();
        var pumps = Task.WhenAll(CopyAsync(process.StandardOutput, output), CopyAsync(process.StandardError, output));
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        await pumps;
        return (process.ExitCode, output.ToString());
    }

    private static async Task CopyAsync(StreamReader from, StringBuilder to)
    {
        while (await from.ReadLineAsync() is { } line)
        {
            lock (to)
            {
                to.AppendLine(line);
            }
        }
    }
}
