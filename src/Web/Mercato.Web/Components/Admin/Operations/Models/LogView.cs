namespace Mercato.Web.Components.Admin.Operations.Models;

/// <summary>One log record.</summary>
/// <param name="Id">The API's <c>id</c>.</param>
/// <param name="Timestamp">The API's <c>timestamp</c>.</param>
/// <param name="Service">The API's <c>service</c>.</param>
/// <param name="Level">The API's <c>level</c>.</param>
/// <param name="Category">The API's <c>category</c>.</param>
/// <param name="Message">The API's <c>message</c>.</param>
/// <param name="ExceptionType">The API's <c>exceptionType</c>.</param>
/// <param name="ExceptionMessage">The API's <c>exceptionMessage</c>.</param>
/// <param name="CorrelationId">The API's <c>correlationId</c>.</param>
/// <param name="TraceId">The API's <c>traceId</c>.</param>
public sealed record LogView(
    Guid Id,
    DateTimeOffset Timestamp,
    string Service,
    string Level,
    string Category,
    string Message,
    string? ExceptionType,
    string? ExceptionMessage,
    string? CorrelationId,
    string? TraceId);
