using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Mercato.Testing;

/// <summary>One log entry as a test sees it.</summary>
/// <param name="Category">The logger's category.</param>
/// <param name="Level">The level.</param>
/// <param name="EventId">The event id.</param>
/// <param name="Message">The formatted message.</param>
/// <param name="Exception">The exception logged with it, if any.</param>
public sealed record CapturedLog(string Category, LogLevel Level, EventId EventId, string Message, Exception? Exception)
{
    /// <inheritdoc />
    public override string ToString() => $"{Level} {Category}[{EventId.Id}]: {Message} {Exception?.GetType().Name}";
}

/// <summary>
/// A logger provider that keeps every entry (every level) in memory, for tests that assert what
/// was logged: add it to a host (<c>logging.AddProvider(logs)</c>) or use <see cref="CreateLogger{T}"/>.
/// </summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<CapturedLog> _entries = new();

    /// <summary>Everything logged so far, oldest first.</summary>
    public IReadOnlyList<CapturedLog> Entries => [.. _entries];

    /// <summary>The entries at <paramref name="level"/> or above.</summary>
    public IReadOnlyList<CapturedLog> AtLeast(LogLevel level) => [.. _entries.Where(e => e.Level >= level)];

    /// <summary>
    /// The entries at <paramref name="level"/> or above as text, with their exceptions in full, for
    /// an assertion's message: a test that meets an unexpected 5xx says what the server logged.
    /// </summary>
    public string Describe(LogLevel level = LogLevel.Error)
    {
        var entries = AtLeast(level);
        return entries.Count == 0
            ? $"(nothing logged at {level} or above)"
            : string.Join(Environment.NewLine, entries.Select(e => e.Exception is null ? e.ToString() : $"{e}{Environment.NewLine}{e.Exception}"));
    }

    /// <summary>A logger of category <typeparamref name="T"/> that writes here.</summary>
    public ILogger<T> CreateLogger<T>() => new Logger<T>(new LoggerFactory([this], new LoggerFilterOptions { MinLevel = LogLevel.Trace }));

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => new Capturing(categoryName, _entries);

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private sealed class Capturing(string category, ConcurrentQueue<CapturedLog> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            => entries.Enqueue(new CapturedLog(category, logLevel, eventId, formatter(state, exception), exception));
    }
}
