using System.Text.Json;
using Mercato.Logs.Export;

namespace Mercato.Logs.Entries;

/// <summary>A stored log record as the API shows it.</summary>
/// <param name="Id">Id.</param>
/// <param name="Timestamp">When it was logged.</param>
/// <param name="Service">The module that logged it, or the process's modules.</param>
/// <param name="Level">Its level.</param>
/// <param name="Category">The logger's category.</param>
/// <param name="EventId">The event id.</param>
/// <param name="EventName">The event name.</param>
/// <param name="Message">The rendered message.</param>
/// <param name="Template">The message template.</param>
/// <param name="ExceptionType">The exception's type.</param>
/// <param name="ExceptionMessage">The exception's message.</param>
/// <param name="Exception">The exception with its stack trace.</param>
/// <param name="CorrelationId">The correlation id.</param>
/// <param name="TraceId">The W3C trace id.</param>
/// <param name="SpanId">The W3C span id.</param>
/// <param name="Properties">The structured values.</param>
internal sealed record LogResponse(
    Guid Id,
    DateTimeOffset Timestamp,
    string Service,
    string Level,
    string Category,
    int EventId,
    string? EventName,
    string Message,
    string? Template,
    string? ExceptionType,
    string? ExceptionMessage,
    string? Exception,
    string? CorrelationId,
    string? TraceId,
    string? SpanId,
    JsonElement? Properties)
{
    /// <summary>The response of a record.</summary>
    public static LogResponse From(LogEntry l) => new(
        l.Id, JsonText.Utc(l.Timestamp), l.Service, LogLevels.NameOf(l.Level), l.Category, l.EventId, l.EventName, l.Message, l.Template,
        l.ExceptionType, l.ExceptionMessage, l.ExceptionDetail, l.CorrelationId, l.TraceId, l.SpanId, JsonText.Parse(l.Properties));
}
