namespace Mercato.Platform.RateLimiting;

/// <summary>
/// One plan of seed 004's rate-limit table: at most <see cref="Limit"/> requests per
/// <see cref="Window"/>, of which at most <see cref="Burst"/> may come at once.
/// </summary>
/// <remarks>
/// Two limits apply together to every request:
/// <list type="bullet">
/// <item><b>Quota</b>: a fixed window of <see cref="Window"/> aligned to the Unix epoch (so an
/// hourly window starts on the hour, UTC) counts the allowed requests; when <see cref="Limit"/> is
/// reached, requests are refused until the next window starts. This is what
/// <c>X-RateLimit-Limit</c>, <c>-Remaining</c> and <c>-Reset</c> describe.</item>
/// <item><b>Burst</b>: a token bucket of capacity <see cref="Burst"/>, full at first and refilled
/// continuously at <see cref="Limit"/> per <see cref="Window"/>; each allowed request takes one
/// token. A client can therefore fire at most <see cref="Burst"/> requests back to back, and then one
/// every <see cref="Window"/> / <see cref="Limit"/> (36 s for Guest).</item>
/// </list>
/// A request is allowed only when both allow it, and only an allowed request spends anything.
/// A fixed window rather than a sliding one, because <c>X-RateLimit-Reset</c> is then one instant
/// for every client and every process, <c>-Remaining</c> is an exact count, and Redis keeps one
/// small hash per client. The fixed window's weak spot, a full quota at the end of one window and
/// another at the start of the next, is closed by the bucket: any span of time T admits at most
/// <see cref="Burst"/> + <see cref="Limit"/> × T / <see cref="Window"/> requests.
/// </remarks>
public sealed class RateLimitPlan
{
    private const long MaxBucketUnits = 10_000_000_000_000;

    /// <summary>Allowed requests per window (<c>X-RateLimit-Limit</c>).</summary>
    public int Limit { get; set; }

    /// <summary>The quota window; aligned to the Unix epoch. Default one hour.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Capacity of the token bucket: requests allowed back to back.</summary>
    public int Burst { get; set; }

    /// <summary>The window in whole milliseconds, the unit the stores count in.</summary>
    internal long WindowMilliseconds => (long)Window.TotalMilliseconds;

    /// <summary>Creates a plan.</summary>
    public static RateLimitPlan Of(int limit, int burst, TimeSpan? window = null) =>
        new() { Limit = limit, Burst = burst, Window = window ?? TimeSpan.FromHours(1) };

    /// <summary>What is wrong with the plan, or nothing.</summary>
    /// <param name="path">The plan's configuration path, e.g. <c>RateLimiting:Plans:Guest</c>.</param>
    public IEnumerable<string> Problems(string path)
    {
        if (Limit < 1)
        {
            yield return $"{path}:Limit must be at least 1.";
        }

        if (Burst < 1)
        {
            yield return $"{path}:Burst must be at least 1.";
        }

        if (Window < TimeSpan.FromSeconds(1) || Window > TimeSpan.FromDays(366) || Window.Ticks % TimeSpan.TicksPerMillisecond != 0)
        {
            yield return $"{path}:Window must be whole milliseconds between one second and 366 days.";
        }
        else if ((long)Burst * WindowMilliseconds > MaxBucketUnits)
        {
            // Keeps every number the Redis script handles exact in its 14-digit number formatting.
            yield return $"{path}: Burst times Window in milliseconds must not exceed 10^13.";
        }
    }
}
