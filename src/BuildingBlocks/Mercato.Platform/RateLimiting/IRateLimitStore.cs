namespace Mercato.Platform.RateLimiting;

/// <summary>Where clients' budgets live: this process's memory, or Redis shared by every process.</summary>
public interface IRateLimitStore
{
    /// <summary>
    /// Spends one request of the budget <paramref name="key"/> under <paramref name="plan"/> if both
    /// its quota and its burst allow it, atomically. A refused request spends nothing.
    /// </summary>
    /// <param name="key">The client's partition, e.g. <c>guest:203.0.113.7</c>.</param>
    /// <param name="plan">The limits that apply.</param>
    /// <param name="cancellationToken">Cancels the wait for the store.</param>
    ValueTask<RateLimitDecision> AcquireAsync(string key, RateLimitPlan plan, CancellationToken cancellationToken);
}
