namespace Mercato.Logs.Contracts;

/// <summary>One structured log record as a process ships it to the Logs module.</summary>
public sealed record ShippedLog
{
    /// <summary>The record's id (UUIDv7, made by the shipping process): a batch sent twice is stored once.</summary>
    public Guid Id { get; init; }

    /// <summary>When it was logged (UTC).</summary>
    public DateTimeOffset Timestamp { get; init; }

    /// <summary>The module that logged it (from the category), or the process's module names.</summary>
    public string Service { get; init; } = string.Empty;

    /// <summary>The level: <c>trace</c>, <c>debug</c>, <c>information</c>, <c>warning</c>, <c>error</c> or <c>critical</c>.</summary>
    public string Level { get; init; } = string.Empty;

    /// <summary>The logger's category (usually the type that logged).</summary>
    public string Category { get; init; } = string.Empty;

    /// <summary>The event id.</summary>
    public int EventId { get; init; }

    /// <summary>The event name, when it has one.</summary>
    public string? EventName { get; init; }

    /// <summary>The rendered message.</summary>
    public string Message { get; init; } = string.Empty;

    /// <summary>The message template (<c>{OriginalFormat}</c>), when the record has one.</summary>
    public string? Template { get; init; }

    /// <summary>The exception's type, when one was logged.</summary>
    public string? ExceptionType { get; init; }

    /// <summary>The exception's message.</summary>
    public string? ExceptionMessage { get; init; }

    /// <summary>The exception with its stack trace (and inner exceptions).</summary>
    public string? ExceptionDetail { get; init; }

    /// <summary>The correlation id of the request or message being handled.</summary>
    public string? CorrelationId { get; init; }

    /// <summary>The W3C trace id.</summary>
    public string? TraceId { get; init; }

    /// <summary>The W3C span id.</summary>
    public string? SpanId { get; init; }

    /// <summary>The structured state's values, rendered as text.</summary>
    public IReadOnlyDictionary<string, string?>? Properties { get; init; }
}
