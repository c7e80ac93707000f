using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Authsome.Hosting.Tests;

/// <summary>Keeps every formatted log message, to check what the provisioning reports.</summary>
internal sealed class ListLogger : ILogger
{
    public ConcurrentQueue<(EventId EventId, string Message)> Entries { get; } = new();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Entries.Enqueue((eventId, formatter(state, exception) + exception));
}
