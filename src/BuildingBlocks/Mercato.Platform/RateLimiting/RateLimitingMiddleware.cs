using Mercato.Platform.Envelope;
using Mercato.Platform.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mercato.Platform.RateLimiting;

/// <summary>
/// Counts every request except <c>/health/*</c> against its caller's plan (see
/// <see cref="RateLimitPartition.For"/>) and puts <c>X-RateLimit-Plan</c>, <c>-Limit</c>,
/// <c>-Remaining</c> and <c>-Reset</c> on the response, whatever its status. It runs after authentication, so it knows
/// the caller, and before authorization, so anonymous and forbidden requests are counted too. A
/// refused request answers 429 <c>RATE_LIMIT_EXCEEDED</c> with <c>retryAfter</c> and a
/// <c>Retry-After</c> header, and never reaches the endpoint.
/// </summary>
internal sealed partial class RateLimitingMiddleware(
    RequestDelegate next,
    IRateLimitStore store,
    IOptions<RateLimitingOptions> options,
    ILogger<RateLimitingMiddleware> logger)
{
    private readonly RateLimitPlans _plans = options.Value.Plans;

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments("/health") || context.GetEndpoint()?.Metadata.GetMetadata<RateLimitExemptMetadata>() is not null)
        {
            await next(context);
            return;
        }

        var partition = RateLimitPartition.For(context, _plans);
        var decision = await store.AcquireAsync(partition.Key, partition.Plan, context.RequestAborted);

        // On starting, so the headers survive the exception handler clearing a failed response.
        context.Response.OnStarting(static state =>
        {
            var (http, plan, result) = ((HttpContext, string, RateLimitDecision))state;
            RateLimitHeaders.Write(http.Response.Headers, plan, result);
            return Task.CompletedTask;
        }, (context, partition.PlanName, decision));

        if (decision.Remaining is null)
        {
            RateLimitMetrics.Unchecked.Add(1, new KeyValuePair<string, object?>("plan", partition.PlanName));
        }

        if (decision.Allowed)
        {
            await next(context);
            return;
        }

        RateLimitMetrics.Rejected.Add(1, new KeyValuePair<string, object?>("plan", partition.PlanName));
        LogRejected(logger, partition.PlanName, decision.RetryAfterSeconds);
        var seconds = decision.RetryAfterSeconds;
        await ErrorResponseWriter.WriteAsync(
            context,
            StatusCodes.Status429TooManyRequests,
            StatusMessages.For(StatusCodes.Status429TooManyRequests),
            [new ApiError(ErrorCodes.RateLimitExceeded, $"Rate limit exceeded. Try again in {seconds} second{(seconds == 1 ? string.Empty : "s")}")],
            seconds);
    }

    [LoggerMessage(EventId = 1401, Level = LogLevel.Debug, Message = "Refused a request on the {Plan} plan; retry after {RetryAfter} s")]
    private static partial void LogRejected(ILogger logger, string plan, int retryAfter);
}
