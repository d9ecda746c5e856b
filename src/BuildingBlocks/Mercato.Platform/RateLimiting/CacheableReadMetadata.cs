namespace Mercato.Platform.RateLimiting;

/// <summary>
/// Endpoint metadata marking an anonymous, cacheable read (catalog pages, pictures, the API
/// documents): an anonymous <c>GET</c> or <c>HEAD</c> of such an endpoint is counted on the
/// <see cref="RateLimitPlans.AnonymousReads"/> plan rather than the Guest plan. Added with
/// <see cref="CacheableReadExtensions.CacheableRead{TBuilder}"/>.
/// </summary>
public sealed class CacheableReadMetadata
{
    /// <summary>The one instance endpoints carry.</summary>
    public static readonly CacheableReadMetadata Instance = new();

    private CacheableReadMetadata()
    {
    }
}
