namespace Mercato.Platform.Idempotency;

/// <summary>
/// One <c>Idempotency-Key</c> of one caller, kept in the owning module's database: first as a
/// reservation while the handler runs, then with the response it produced, until it expires.
/// </summary>
public sealed class IdempotencyRecord
{
    /// <summary>Whose key this is (<c>sub:…</c>, <c>cart:…</c> or <c>ip:…</c>); see <see cref="IdempotencyScope"/>.</summary>
    public string Scope { get; set; } = string.Empty;

    /// <summary>The client's <c>Idempotency-Key</c>.</summary>
    public string Key { get; set; } = string.Empty;

    /// <summary>Lower-case hex SHA-256 of the method, path, query and raw body of the first request.</summary>
    public string RequestHash { get; set; } = string.Empty;

    /// <summary>Running or finished.</summary>
    public IdempotencyState State { get; set; }

    /// <summary>Identifies the request that holds the reservation, so only it can complete or release it.</summary>
    public Guid LockToken { get; set; }

    /// <summary>The stored response's status (once completed).</summary>
    public int? StatusCode { get; set; }

    /// <summary>The stored response's <c>Content-Type</c>.</summary>
    public string? ContentType { get; set; }

    /// <summary>The headers the endpoint set (e.g. <c>Location</c>), as a JSON object of string arrays.</summary>
    public string? Headers { get; set; }

    /// <summary>The stored response body, byte for byte.</summary>
    public byte[]? Body { get; set; }

    /// <summary>When the current reservation was taken (UTC); the lock timeout counts from here.</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>When the response was stored (UTC).</summary>
    public DateTime? CompletedAt { get; set; }

    /// <summary>After this (UTC) the key is forgotten: the sweep deletes the row and the key may be used afresh.</summary>
    public DateTime ExpiresAt { get; set; }
}
