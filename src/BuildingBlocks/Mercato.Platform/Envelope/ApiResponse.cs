using System.Text.Json.Serialization;

namespace Mercato.Platform.Envelope;

/// <summary>Seed 004's success envelope: <c>{success, data, message, timestamp}</c>.</summary>
/// <typeparam name="T">The payload type.</typeparam>
public sealed record ApiResponse<T>
{
    /// <summary>Always <c>true</c> for this envelope.</summary>
    public bool Success { get; init; } = true;

    /// <summary>The payload; omitted when there is none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public T? Data { get; init; }

    /// <summary>A human-readable summary; omitted when there is none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Message { get; init; }

    /// <summary>When the response was produced (UTC).</summary>
    public DateTimeOffset Timestamp { get; init; }
}
