namespace Mercato.Platform.Idempotency;

/// <summary>Marks an endpoint as idempotent (added by <c>WithIdempotency</c>).</summary>
/// <param name="Required">Whether a request without <c>Idempotency-Key</c> is refused.</param>
public sealed record IdempotencyMetadata(bool Required);
