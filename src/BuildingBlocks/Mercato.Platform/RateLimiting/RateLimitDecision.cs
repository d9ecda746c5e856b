namespace Mercato.Platform.RateLimiting;

/// <summary>The answer for one request, and what the <c>X-RateLimit-*</c> headers report.</summary>
public sealed record RateLimitDecision
{
    /// <summary>Whether the request may proceed.</summary>
    public required bool Allowed { get; init; }

    /// <summary>Requests allowed per window (<c>X-RateLimit-Limit</c>).</summary>
    public required int Limit { get; init; }

    /// <summary>
    /// Requests left in the current window after this one (<c>X-RateLimit-Remaining</c>); 0 for a
    /// refused request (which spends nothing: nothing more is allowed before <see cref="ResetAt"/>).
    /// <c>null</c> when the store could not be asked.
    /// </summary>
    public required int? Remaining { get; init; }

    /// <summary>
    /// In Unix seconds (<c>X-RateLimit-Reset</c>): when the current window ends or, for a refused
    /// request, when a retry can succeed (the end of the window when the quota is spent, the next
    /// token when only the burst is), so it agrees with <c>Retry-After</c>.
    /// </summary>
    public required long ResetAt { get; init; }

    /// <summary>For a refused request, whole seconds (at least 1) until a retry can succeed; otherwise 0.</summary>
    public required int RetryAfterSeconds { get; init; }

    /// <summary>Builds the decision from what the rule returned.</summary>
    internal static RateLimitDecision From(RateLimitPlan plan, long now, RateLimitOutcome outcome)
    {
        var window = plan.WindowMilliseconds;
        var windowEnd = outcome.WindowStart + window;
        if (outcome.Allowed)
        {
            return new RateLimitDecision
            {
                Allowed = true,
                    Limit = plan.Limit,
                Remaining = (int)Math.Max(0, plan.Limit - outcome.Count),
                ResetAt = CeilingDivide(windowEnd, 1000),
                RetryAfterSeconds = 0,
            };
        }

        // Wait for whichever limit frees up last: the next window, or the next whole token.
        var quotaWait = outcome.Count >= plan.Limit ? windowEnd - now : 0;
        var burstWait = outcome.Tokens < window ? CeilingDivide(window - outcome.Tokens, plan.Limit) : 0;
        var wait = Math.Max(quotaWait, burstWait);
        return new RateLimitDecision
        {
            Allowed = false,
            Limit = plan.Limit,
            Remaining = 0,
            ResetAt = CeilingDivide(now + wait, 1000),
            RetryAfterSeconds = (int)Math.Max(1, CeilingDivide(wait, 1000)),
        };
    }

    /// <summary>The decision when the store cannot be asked: allow (fail open), remaining unknown.</summary>
    internal static RateLimitDecision Unavailable(RateLimitPlan plan, long now)
    {
        var window = plan.WindowMilliseconds;
        return new RateLimitDecision
        {
            Allowed = true,
            Limit = plan.Limit,
            Remaining = null,
            ResetAt = CeilingDivide(now - (now % window) + window, 1000),
            RetryAfterSeconds = 0,
        };
    }

    private static long CeilingDivide(long value, long divisor) => (value + divisor - 1) / divisor;
}
