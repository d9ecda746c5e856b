using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Mercato.Catalog.Caching;

/// <summary>
/// The cache key of an anonymous catalog read: the path and the query string with its parameters
/// in one order (names are matched without regard to case, as the binding does). Catalog answers
/// depend on nothing else in the request (no language or content negotiation). A request with an
/// <c>Authorization</c> header is never served from nor stored in the cache.
/// </summary>
internal static class ReadCacheKey
{
    /// <summary>The key of <paramref name="request"/>, or null when it must bypass the cache.</summary>
    public static string? Of(HttpRequest request)
    {
        if (request.Headers.ContainsKey(HeaderNames.Authorization))
        {
            return null;
        }

        var key = new StringBuilder(request.Path.Value);
        var separator = '?';
        foreach (var (name, values) in request.Query.OrderBy(q => q.Key, StringComparer.OrdinalIgnoreCase))
        {
            foreach (var value in values)
            {
                key.Append(separator).Append(Uri.EscapeDataString(name.ToLowerInvariant())).Append('=').Append(Uri.EscapeDataString(value ?? string.Empty));
                separator = '&';
            }
        }

        return key.ToString();
    }
}
