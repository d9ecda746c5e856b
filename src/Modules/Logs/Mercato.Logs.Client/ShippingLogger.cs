using System.Diagnostics;
using System.Globalization;
using Mercato.Logs.Contracts;
using Mercato.Platform.Correlation;
using Microsoft.Extensions.Logging;

namespace Mercato.Logs.Client;

/// <summary>One category's logger: turns a record into a <see cref="ShippedLog"/> in the buffer.</summary>
internal sealed class ShippingLogger(string category, string service, LogLevel minimum, LogBuffer buffer, TimeProvider time) : ILogger
{
    private const int MaxProperties = 32;
    private const int MaxValueLength = 2_000;
    private const int MaxMessageLength = 8_000;
    private const int MaxExceptionLength = 16_000;

    /// <summary>The ingestion endpoint's path, whose request logs are not shipped (each would ship another).</summary>
    internal const string IngestPath = "/api/v1/logs/ingest";

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None && logLevel >= minimum && !LogShippingScope.IsSuppressed;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel))
        {
            return;
        }

        string? template = null;
        Dictionary<string, string?>? properties = null;
        if (state is IReadOnlyList<KeyValuePair<string, object?>> values)
        {
            foreach (var (key, value) in values)
            {
                if (key == "{OriginalFormat}")
                {
                    template = value as string;
                    continue;
                }

                if (key == "Path" && value is string path && path.StartsWith(IngestPath, StringComparison.OrdinalIgnoreCase))
                {
                    return;
                }

                properties ??= new Dictionary<string, string?>(StringComparer.Ordinal);
                if (properties.Count < MaxProperties)
                {
                    properties[key] = Cut(Convert.ToString(value, CultureInfo.InvariantCulture), MaxValueLength);
                }
            }
        }

        var activity = Activity.Current;
        buffer.Add(new ShippedLog
        {
            Id = Guid.CreateVersion7(),
            Timestamp = time.GetUtcNow(),
            Service = service,
            Level = LevelName(logLevel),
            Category = category,
            EventId = eventId.Id,
            EventName = eventId.Name,
            Message = Cut(formatter(state, exception), MaxMessageLength) ?? string.Empty,
            Template = Cut(template, MaxValueLength),
            ExceptionType = exception?.GetType().FullName,
            ExceptionMessage = Cut(exception?.Message, MaxValueLength),
            ExceptionDetail = Cut(exception?.ToString(), MaxExceptionLength),
            CorrelationId = CorrelationContext.CurrentId,
            TraceId = activity?.TraceId.ToString(),
            SpanId = activity?.SpanId.ToString(),
            Properties = properties,
        });
    }

    /// <summary>The level as the API names it.</summary>
    internal static string LevelName(LogLevel level) => level switch
    {
        LogLevel.Trace => "trace",
        LogLevel.Debug => "debug",
        LogLevel.Information => "information",
        LogLevel.Warning => "warning",
        LogLevel.Error => "error",
        _ => "critical",
    };

    private static string? Cut(string? text, int length) => text is null || text.Length <= length ? text : text[..length];
}
