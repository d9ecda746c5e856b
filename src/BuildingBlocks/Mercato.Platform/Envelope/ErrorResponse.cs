using System.Text.Json.Serialization;

namespace Mercato.Platform.Envelope;

/// <summary>
/// Seed 004's error envelope:
/// <c>{success:false, errors:[{code, message, field}], message, timestamp, traceId, path}</c>.
/// </summary>
public sealed record ErrorResponse
{
    /// <summary>Always <c>false</c>.</summary>
    public bool Success { get; init; }

    /// <summary>Every problem found, not just the first.</summary>
    public required IReadOnlyList<ApiError> Errors { get; init; }

    /// <summary>A summary of the failure.</summary>
    public required string Message { get; init; }

    /// <summary>When the response was produced (UTC).</summary>
    public DateTimeOffset Timestamp { get; init; }

    /// <summary>The W3C trace id of the request, for support and log search.</summary>
    public required string TraceId { get; init; }

    /// <summary>The request path.</summary>
    public required string Path { get; init; }

    /// <summary>Seconds to wait before retrying (rate limiting only).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? RetryAfter { get; init; }

    /// <summary>
    /// Extra members written inline, for a protocol that needs its own beside the envelope (the
    /// OAuth token endpoint's RFC 6749 <c>error</c> and <c>error_description</c>).
    /// </summary>
    [JsonExtensionData]
    public IDictionary<string, object?>? Extensions { get; init; }
}
