namespace Mercato.Logs.Entries;

/// <summary>One stored log record of a Mercato process.</summary>
internal sealed class LogEntry
{
    /// <summary>Id (UUIDv7, made by the shipping process).</summary>
    public Guid Id { get; set; }

    /// <summary>When it was logged (UTC).</summary>
    public DateTime Timestamp { get; set; }

    /// <summary>When it was stored (UTC).</summary>
    public DateTime ReceivedAt { get; set; }

    /// <summary>The module that logged it, or the process's modules.</summary>
    public string Service { get; set; } = string.Empty;

    /// <summary>The level (Microsoft.Extensions.Logging's numbers: 0 trace to 5 critical).</summary>
    public int Level { get; set; }

    /// <summary>The logger's category.</summary>
    public string Category { get; set; } = string.Empty;

    /// <summary>The event id.</summary>
    public int EventId { get; set; }

    /// <summary>The event name.</summary>
    public string? EventName { get; set; }

    /// <summary>The rendered message.</summary>
    public string Message { get; set; } = string.Empty;

    /// <summary>The message template.</summary>
    public string? Template { get; set; }

    /// <summary>The exception's type.</summary>
    public string? ExceptionType { get; set; }

    /// <summary>The exception's message.</summary>
    public string? ExceptionMessage { get; set; }

    /// <summary>The exception with its stack trace.</summary>
    public string? ExceptionDetail { get; set; }

    /// <summary>The correlation id.</summary>
    public string? CorrelationId { get; set; }

    /// <summary>The W3C trace id.</summary>
    public string? TraceId { get; set; }

    /// <summary>The W3C span id.</summary>
    public string? SpanId { get; set; }

    /// <summary>The structured values as a JSON object.</summary>
    public string? Properties { get; set; }
}
