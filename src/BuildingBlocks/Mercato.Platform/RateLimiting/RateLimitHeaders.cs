using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Mercato.Platform.RateLimiting;

/// <summary>The rate-limit response headers of seed 004.</summary>
public static class RateLimitHeaders
{
    /// <summary>Requests allowed per window.</summary>
    public const string Limit = "X-RateLimit-Limit";

    /// <summary>Requests left in the current window.</summary>
    public const string Remaining = "X-RateLimit-Remaining";

    /// <summary>When the current window ends, in Unix seconds.</summary>
    public const string Reset = "X-RateLimit-Reset";

    /// <summary>The plan that applied: <c>Guest</c>, <c>AnonymousReads</c>, <c>Customer</c>, ... (not in the seed).</summary>
    public const string Plan = "X-RateLimit-Plan";

    /// <summary>
    /// Writes the headers for a decision under the named plan, plus <c>Retry-After</c> (seconds) when
    /// it refused the request.
    /// </summary>
    internal static void Write(IHeaderDictionary headers, string plan, RateLimitDecision decision)
    {
        headers[Plan] = plan;
        headers[Limit] = decision.Limit.ToString(CultureInfo.InvariantCulture);
        if (decision.Remaining is { } remaining)
        {
            headers[Remaining] = remaining.ToString(CultureInfo.InvariantCulture);
        }

        headers[Reset] = decision.ResetAt.ToString(CultureInfo.InvariantCulture);
        if (!decision.Allowed)
        {
            headers.RetryAfter = decision.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        }
    }
}
