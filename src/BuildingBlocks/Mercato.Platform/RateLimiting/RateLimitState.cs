namespace Mercato.Platform.RateLimiting;

/// <summary>
/// One client's budget and the single rule that spends it. The in-memory store applies this rule
/// under a lock; the Redis store runs the same rule as a Lua script (see
/// <see cref="RedisRateLimitStore"/>). All arithmetic is on whole numbers, so both agree exactly.
/// </summary>
/// <remarks>
/// Tokens are counted in units of 1/<c>windowMs</c> of a token: the bucket holds
/// <c>burst × windowMs</c> units when full, one request costs <c>windowMs</c> units, and every
/// elapsed millisecond adds <c>limit</c> units, which is a refill of <c>limit</c> tokens per window
/// without any rounding.
/// </remarks>
internal struct RateLimitState
{
    /// <summary>Start of the current quota window, in Unix milliseconds.</summary>
    public long WindowStart;

    /// <summary>Requests allowed in the current window.</summary>
    public long Count;

    /// <summary>Tokens in the bucket, in units of 1/<c>windowMs</c> of a token.</summary>
    public long Tokens;

    /// <summary>When the bucket was last refilled, in Unix milliseconds.</summary>
    public long UpdatedAt;

    /// <summary>Whether the client was seen before (a new client has a full bucket and an empty window).</summary>
    public bool Exists;

    /// <summary>Refills the bucket up to <paramref name="now"/>, then takes one request if both limits allow it.</summary>
    public RateLimitOutcome Consume(RateLimitPlan plan, long now)
    {
        var window = plan.WindowMilliseconds;
        var capacity = plan.Burst * window;
        var windowStart = now - (now % window);
        long count = 0;
        var tokens = capacity;
        var updated = now;
        if (Exists)
        {
            // A process whose clock lags behind a window another process already opened stays in it.
            if (WindowStart >= windowStart)
            {
                windowStart = WindowStart;
                count = Count;
            }

            var elapsed = Math.Clamp(now - UpdatedAt, 0, TimeToFill(plan));
            tokens = Math.Min(capacity, Tokens + (elapsed * plan.Limit));
            updated = Math.Max(now, UpdatedAt);
        }

        var allowed = count < plan.Limit && tokens >= window;
        if (allowed)
        {
            count++;
            tokens -= window;
        }

        WindowStart = windowStart;
        Count = count;
        Tokens = tokens;
        UpdatedAt = updated;
        Exists = true;
        return new RateLimitOutcome(allowed, windowStart, count, tokens);
    }

    /// <summary>Whether forgetting this client changes nothing: its window is over and its bucket is full again.</summary>
    public readonly bool IsIdle(RateLimitPlan plan, long now)
    {
        var window = plan.WindowMilliseconds;
        var capacity = plan.Burst * window;
        var elapsed = Math.Clamp(now - UpdatedAt, 0, TimeToFill(plan));
        return now >= WindowStart + window && Tokens + (elapsed * plan.Limit) >= capacity;
    }

    /// <summary>Milliseconds an empty bucket takes to fill; longer elapsed times add nothing more.</summary>
    private static long TimeToFill(RateLimitPlan plan) => ((plan.Burst * plan.WindowMilliseconds) + plan.Limit - 1) / plan.Limit;
}

/// <summary>What one application of the rule decided, and the state it left.</summary>
/// <param name="Allowed">Whether the request may proceed.</param>
/// <param name="WindowStart">Start of the quota window, in Unix milliseconds.</param>
/// <param name="Count">Requests allowed in the window, including this one if allowed.</param>
/// <param name="Tokens">Tokens left, in units of 1/<c>windowMs</c> of a token.</param>
internal readonly record struct RateLimitOutcome(bool Allowed, long WindowStart, long Count, long Tokens);
