using System.Diagnostics;
using System.Text;

namespace Authsome.Migrator.Tests;

/// <summary>Runs the built migrator as its own process, as the AppHost and a deployment do, and captures what it prints.</summary>
internal static class MigratorProcess
{
    private static readonly string s_assembly = Path.Combine(AppContext.BaseDirectory, "Authsome.Migrator.dll");

    public static async Task<MigratorResult> RunAsync(string? connectionString, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(s_assembly);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["Logging__Console__FormatterName"] = "simple";
        start.Environment.Remove("ConnectionStrings__authsome");
        if (connectionString is not null)
        {
            start.Environment["ConnectionStrings__authsome"] = connectionString;
        }

        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        var reading = Task.WhenAll(CopyAsync(process.StandardOutput, output), CopyAsync(process.StandardError, output));
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        await reading;
        return new MigratorResult(process.ExitCode, output.ToString());
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

internal sealed record MigratorResult(int ExitCode, string Output)
{
    /// <summary>The <c>--list</c> lines of pending migrations.</summary>
    public IReadOnlyList<string> Pending => [.. Lines.Where(l => l.StartsWith("pending ", StringComparison.Ordinal))];

    /// <summary>The <c>--list</c> lines of applied migrations.</summary>
    public IReadOnlyList<string> Applied => [.. Lines.Where(l => l.StartsWith("applied ", StringComparison.Ordinal))];

    private IEnumerable<string> Lines => Output.Split('\n', StringSplitOptions.TrimEntries);

    public override string ToString() => $"exit {ExitCode}:\n{Output}";
}
