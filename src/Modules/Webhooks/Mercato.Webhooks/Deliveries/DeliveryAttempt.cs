namespace Mercato.Webhooks.Deliveries;

/// <summary>One attempt of a delivery, as the log keeps it.</summary>
internal sealed class DeliveryAttempt
{
    /// <summary>The id (UUIDv7).</summary>
    public Guid Id { get; set; }

    /// <summary>The delivery.</summary>
    public Guid DeliveryId { get; set; }

    /// <summary>1 for the first attempt, counting replays on.</summary>
    public int Number { get; set; }

    /// <summary>When it started.</summary>
    public DateTime StartedAt { get; set; }

    /// <summary>How long it took, in milliseconds.</summary>
    public long DurationMs { get; set; }

    /// <summary>The URL it was sent to.</summary>
    public string Url { get; set; } = string.Empty;

    /// <summary>The request headers sent, as a JSON object.</summary>
    public string RequestHeaders { get; set; } = "{}";

    /// <summary>The HTTP status answered, if any.</summary>
    public int? StatusCode { get; set; }

    /// <summary>The first 4 KB of the response body.</summary>
    public string? ResponseBody { get; set; }

    /// <summary>What went wrong: the status, a timeout, a refused address, a connection error.</summary>
    public string? Error { get; set; }

    /// <summary>Whether the receiver accepted it (2xx).</summary>
    public bool Succeeded { get; set; }
}
