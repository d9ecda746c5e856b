using Microsoft.AspNetCore.Builder;

namespace Mercato.Platform.RateLimiting;

/// <summary>Marks endpoints as anonymous cacheable reads (see <see cref="CacheableReadMetadata"/>).</summary>
public static class CacheableReadExtensions
{
    /// <summary>
    /// Counts anonymous <c>GET</c> and <c>HEAD</c> requests of these endpoints on the generous
    /// per-address <see cref="RateLimitPlans.AnonymousReads"/> plan. Other methods and signed-in
    /// callers keep their usual plan.
    /// </summary>
    public static TBuilder CacheableRead<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(CacheableReadMetadata.Instance);

    /// <summary>Leaves these endpoints out of rate limiting (see <see cref="RateLimitExemptMetadata"/>).</summary>
    public static TBuilder WithoutRateLimit<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(RateLimitExemptMetadata.Instance);
}
