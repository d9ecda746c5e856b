namespace Mercato.Identity.SignIn;

/// <summary>
/// Counts failed sign-ins per (source address, account) and per source address, and makes a
/// source that keeps failing wait: from the failure that reaches a limit it is refused for
/// <see cref="LockoutPolicyOptions.Delay"/>, doubling with each further failure up to
/// <see cref="LockoutPolicyOptions.Duration"/>. Only that source waits: the same account signs in
/// from anywhere else, so a stranger cannot lock a victim out. An unknown account is counted
/// exactly like a known one, so the answers never tell which accounts exist. Failures are
/// forgotten <see cref="LockoutPolicyOptions.Duration"/> after the last one, and a pair's when
/// that pair signs in. Attempts in flight are counted when they start, so a burst of parallel
/// guesses cannot run past a limit.
/// </summary>
/// <remarks>
/// Two stores, chosen like the rate limiter's (<see cref="Platform.RateLimiting.SharedRedis.InUse"/>):
/// <see cref="MemorySignInThrottle"/> in embedded mode, <see cref="RedisSignInThrottle"/> in
/// distributed mode, where every Identity replica, and a restarted one, shares the counts.
/// </remarks>
internal interface ISignInThrottle
{
    /// <summary>
    /// Starts an attempt from <paramref name="address"/> on <paramref name="account"/> (an account
    /// id, or the normalised identifier when no account has it), or refuses it with the wait.
    /// </summary>
    ValueTask<SignInStart> TryBeginAsync(string address, string account);
}
