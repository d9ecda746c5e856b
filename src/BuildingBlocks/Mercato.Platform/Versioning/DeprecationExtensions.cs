using Microsoft.AspNetCore.Builder;

namespace Mercato.Platform.Versioning;

/// <summary>Marks routes deprecated (seed 004's policy: announced, then supported for 12 months before removal).</summary>
public static class DeprecationExtensions
{
    /// <summary>
    /// Marks these endpoints deprecated since <paramref name="since"/> and, when
    /// <paramref name="sunset"/> is given, removed on that date: responses carry
    /// <c>Deprecation: @&lt;unix seconds&gt;</c>, <c>Sunset: &lt;HTTP-date&gt;</c> and
    /// <c>Link: &lt;policy&gt;; rel="deprecation"</c>, and the OpenAPI operation is <c>deprecated</c>.
    /// </summary>
    /// <param name="builder">An endpoint or a route group.</param>
    /// <param name="since">When the deprecation took effect (or takes effect).</param>
    /// <param name="sunset">When the route stops answering; must be after <paramref name="since"/>.</param>
    /// <param name="policy">The deprecation policy's address; <see cref="DeprecationMetadata.DefaultPolicy"/> when null.</param>
    /// <exception cref="ArgumentException"><paramref name="sunset"/> is not after <paramref name="since"/>.</exception>
    public static TBuilder Deprecated<TBuilder>(this TBuilder builder, DateTimeOffset since, DateTimeOffset? sunset = null, Uri? policy = null)
        where TBuilder : IEndpointConventionBuilder
    {
        if (sunset is { } end && end <= since)
        {
            throw new ArgumentException($"The sunset ({end:O}) must come after the deprecation ({since:O}).", nameof(sunset));
        }

        return builder.WithMetadata(new DeprecationMetadata(since, sunset, policy ?? DeprecationMetadata.DefaultPolicy));
    }
}
