using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Authsome.Tests;

/// <summary>A logger that keeps every entry, so tests can assert what was (and was not) logged.</summary>
internal sealed class CapturingLogger<T> : ILogger<T>
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    /// <summary>Everything written, messages and exceptions, as one text to search for leaks.</summary>
    public string AllText => string.Join('\n', _entries.Select(entry => $"{entry.Message}\n{entry.Exception}"));

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        _entries.Enqueue(new LogEntry(logLevel, eventId, formatter(state, exception), exception));
}

internal sealed record LogEntry(LogLevel Level, EventId EventId, string Message, Exception? Exception);
