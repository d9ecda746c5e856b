namespace Mercato.Platform.RateLimiting;

/// <summary>
/// Endpoint metadata: requests to this endpoint are not counted by any plan. Only for callers that
/// prove who they are otherwise and retry by their own schedule (a payment provider's signed
/// webhooks), never for endpoints a stranger could use to do work for free.
/// </summary>
public sealed class RateLimitExemptMetadata
{
    /// <summary>The one instance.</summary>
    public static readonly RateLimitExemptMetadata Instance = new();

    private RateLimitExemptMetadata()
    {
    }
}
