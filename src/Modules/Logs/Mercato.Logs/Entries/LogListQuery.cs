using Mercato.Logs.Export;
using Mercato.Platform.Correlation;
using Mercato.Platform.Envelope;
using Mercato.Platform.Errors;

namespace Mercato.Logs.Entries;

/// <summary>Query of <c>GET /api/v1/logs</c>: paged, newest first; filters service, minimum level, time range, correlation id, trace id and text.</summary>
internal sealed class LogListQuery
{
    /// <summary>The longest text search.</summary>
    public const int MaxTextLength = 200;

    /// <summary>1-based page (default 1).</summary>
    public int? PageNumber { get; init; }

    /// <summary>Records per page, 1-100 (default 20).</summary>
    public int? PageSize { get; init; }

    /// <summary>Only this service (a module name, e.g. <c>catalog</c>).</summary>
    public string? Service { get; init; }

    /// <summary>Only records at this level or above: <c>trace</c>, <c>debug</c>, <c>information</c>, <c>warning</c>, <c>error</c>, <c>critical</c>.</summary>
    public string? Level { get; init; }

    /// <summary>Only records logged at or after this instant (UTC).</summary>
    public DateTime? From { get; init; }

    /// <summary>Only records logged before this instant (UTC).</summary>
    public DateTime? To { get; init; }

    /// <summary>Only records of this correlation id.</summary>
    public string? CorrelationId { get; init; }

    /// <summary>Only records of this W3C trace id.</summary>
    public string? TraceId { get; init; }

    /// <summary>Only records whose message contains this text (case-insensitive).</summary>
    public string? Q { get; init; }

    /// <summary>The errors of this query, empty when it is valid.</summary>
    public IReadOnlyList<ApiError> Validate()
    {
        var errors = new List<ApiError>();
        PageRules.Check(PageNumber, PageSize, errors);
        if (Level is not null && !LogLevels.ByName.ContainsKey(Level))
        {
            errors.Add(new ApiError(ErrorCodes.ValidationError, $"level must be one of {string.Join(", ", LogLevels.ByName.Keys)}", "level"));
        }

        TimeRange.Check(From, To, errors);
        if (CorrelationId is not null && !CorrelationContext.IsValid(CorrelationId))
        {
            errors.Add(new ApiError(ErrorCodes.ValidationError, "correlationId must be 1-128 letters, digits or - _ . :", "correlationId"));
        }

        if (TraceId is not null && (TraceId.Length != 32 || !TraceId.All(char.IsAsciiHexDigitLower)))
        {
            errors.Add(new ApiError(ErrorCodes.ValidationError, "traceId must be 32 lower-case hexadecimal digits", "traceId"));
        }

        if (Q is { Length: 0 or > MaxTextLength })
        {
            errors.Add(new ApiError(ErrorCodes.ValidationError, $"q must be 1-{MaxTextLength} characters", "q"));
        }

        return errors;
    }

    /// <summary>The records this query selects.</summary>
    public IQueryable<LogEntry> Apply(IQueryable<LogEntry> logs)
    {
        if (Service is not null)
        {
            logs = logs.Where(l => l.Service == Service);
        }

        if (Level is not null && LogLevels.ByName.TryGetValue(Level, out var level))
        {
            logs = logs.Where(l => l.Level >= level);
        }

        if (From is { } from)
        {
            var utc = from.ToUniversalTime();
            logs = logs.Where(l => l.Timestamp >= utc);
        }

        if (To is { } to)
        {
            var utc = to.ToUniversalTime();
            logs = logs.Where(l => l.Timestamp < utc);
        }

        if (CorrelationId is not null)
        {
            logs = logs.Where(l => l.CorrelationId == CorrelationId);
        }

        if (TraceId is not null)
        {
            logs = logs.Where(l => l.TraceId == TraceId);
        }

        if (Q is not null)
        {
            var text = Q.ToLowerInvariant();
#pragma warning disable CA1862 // EF Core translates ToLower().Contains to SQL; the StringComparison overload is not translatable.
            logs = logs.Where(l => l.Message.ToLower().Contains(text));
#pragma warning restore CA1862
        }

        return logs;
    }
}
