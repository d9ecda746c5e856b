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

    /// <summary>Writes the headers for a decision, plus <c>Retry-After</c> (seconds) when it refused the request.</summary>
    internal static void Write(IHeaderDictionary headers, RateLimitDecision decision)
    {
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
