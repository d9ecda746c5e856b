using System.Diagnostics.Metrics;
using Mercato.Platform.Telemetry;

namespace Mercato.Platform.RateLimiting;

/// <summary>Counters of the rate limiter.</summary>
internal static class RateLimitMetrics
{
    private static readonly Meter Meter = new(TelemetrySetup.SourceName);

    /// <summary>Requests refused with 429, tagged with the plan.</summary>
    public static readonly Counter<long> Rejected = Meter.CreateCounter<long>("mercato.ratelimit.rejected");

    /// <summary>Requests allowed without a check because the store was unavailable.</summary>
    public static readonly Counter<long> Unchecked = Meter.CreateCounter<long>("mercato.ratelimit.unchecked");
}
