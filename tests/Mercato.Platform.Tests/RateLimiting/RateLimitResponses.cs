using System.Globalization;

namespace Mercato.Platform.Tests.RateLimiting;

/// <summary>Reading the rate-limit headers of a response.</summary>
internal static class RateLimitResponses
{
    /// <summary><c>X-RateLimit-Limit</c>.</summary>
    public static int RateLimit(this HttpResponseMessage response) => (int)Header(response, "X-RateLimit-Limit");

    /// <summary><c>X-RateLimit-Plan</c>: the plan that applied.</summary>
    public static string RateLimitPlan(this HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-RateLimit-Plan", out var values)
            ? values.Single()
            : throw new InvalidOperationException($"X-RateLimit-Plan missing on {(int)response.StatusCode} {response.RequestMessage?.RequestUri}");

    /// <summary><c>X-RateLimit-Remaining</c>.</summary>
    public static int RateLimitRemaining(this HttpResponseMessage response) => (int)Header(response, "X-RateLimit-Remaining");

    /// <summary><c>X-RateLimit-Reset</c> (Unix seconds).</summary>
    public static long RateLimitReset(this HttpResponseMessage response) => Header(response, "X-RateLimit-Reset");

    /// <summary><c>Retry-After</c> in seconds.</summary>
    public static int RetryAfter(this HttpResponseMessage response) =>
        (int)(response.Headers.RetryAfter?.Delta?.TotalSeconds
            ?? throw new InvalidOperationException($"No Retry-After seconds on {(int)response.StatusCode}"));

    /// <summary>Whether any rate-limit header is present.</summary>
    public static bool HasRateLimitHeaders(this HttpResponseMessage response) =>
        response.Headers.Any(h => h.Key.StartsWith("X-RateLimit-", StringComparison.OrdinalIgnoreCase));

    private static long Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values)
            ? long.Parse(values.Single(), CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"{name} missing on {(int)response.StatusCode} {response.RequestMessage?.RequestUri}");
}
