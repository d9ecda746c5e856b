namespace Mercato.Platform.RateLimiting;

/// <summary>
/// Says when a warning about an outage is due: the first time, then at most once per
/// <see cref="Interval"/>, so a store that fails on every request does not flood the logs.
/// One instance per warning; thread-safe.
/// </summary>
public sealed class OutageWarning
{
    /// <summary>The shortest time between two warnings.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    private long _last = long.MinValue;

    /// <summary>Whether to log now (<paramref name="now"/> in Unix milliseconds); true for one caller per interval.</summary>
    public bool IsDue(long now)
    {
        var last = Interlocked.Read(ref _last);
        return (last == long.MinValue || now - last >= (long)Interval.TotalMilliseconds)
            && Interlocked.CompareExchange(ref _last, now, last) == last;
    }
}
