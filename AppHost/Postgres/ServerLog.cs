using Microsoft.Extensions.Logging;

namespace Authsome.AppHost.Postgres;

/// <summary>Copies the lines a server writes to its log file to the resource's log (the dashboard's Console view).</summary>
internal static partial class ServerLog
{
    private static readonly TimeSpan s_pollInterval = TimeSpan.FromMilliseconds(500);

    public static async Task TailAsync(string path, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            while (!cancellationToken.IsCancellationRequested)
            {
                var line = await reader.ReadLineAsync(cancellationToken);
                if (line is null)
                {
                    await Task.Delay(s_pollInterval, cancellationToken);
                    continue;
                }

                LogServerLine(logger, line);
            }
        }
        catch (OperationCanceledException)
        {
            // the AppHost is stopping
        }
        catch (IOException exception)
        {
            LogTailStopped(logger, path, exception);
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "{Line}")]
    private static partial void LogServerLine(ILogger logger, string line);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Stopped reading the server log {Path}")]
    private static partial void LogTailStopped(ILogger logger, string path, Exception exception);
}
