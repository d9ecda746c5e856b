namespace Mercato.Platform.OpenApi;

/// <summary>Names of the shared components every Mercato OpenAPI document declares.</summary>
public static class OpenApiNames
{
    /// <summary>The error envelope schema.</summary>
    public const string ErrorResponseSchema = "ErrorResponse";

    /// <summary>The schema of one entry of the error envelope's <c>errors</c> array.</summary>
    public const string ErrorDetailSchema = "ErrorDetail";

    /// <summary>The JWT bearer security scheme.</summary>
    public const string BearerScheme = "Bearer";

    /// <summary>The guest cart key security scheme (an <c>apiKey</c> in the <c>X-Cart-Key</c> header).</summary>
    public const string CartKeyScheme = "CartKey";

    /// <summary>The rate-limit plan header.</summary>
    public const string RateLimitPlanHeader = RateLimiting.RateLimitHeaders.Plan;

    /// <summary>The correlation id header, accepted on requests and echoed on responses.</summary>
    public const string CorrelationIdHeader = Correlation.CorrelationContext.HeaderName;

    /// <summary>The rate-limit budget header.</summary>
    public const string RateLimitLimitHeader = "X-RateLimit-Limit";

    /// <summary>The remaining rate-limit budget header.</summary>
    public const string RateLimitRemainingHeader = "X-RateLimit-Remaining";

    /// <summary>The rate-limit window reset header.</summary>
    public const string RateLimitResetHeader = "X-RateLimit-Reset";

    /// <summary>The header telling a throttled client how long to wait.</summary>
    public const string RetryAfterHeader = "Retry-After";
}
