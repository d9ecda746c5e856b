using Mercato.Platform.Hosting;
using Mercato.Webhooks.Ssrf;

namespace Mercato.Webhooks;

/// <summary>Webhooks settings (section <c>Webhooks</c>).</summary>
internal sealed class WebhooksOptions : IValidatedOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Webhooks";

    /// <summary>
    /// Host names or CIDR ranges (<c>127.0.0.1/32</c>, <c>::1/128</c>, <c>hooks.internal</c>)
    /// exempt from the public-address rule, and from the https rule: for development and tests.
    /// Empty by default: only public https addresses receive webhooks.
    /// </summary>
    public List<string> AllowedHosts { get; set; } = [];

    /// <summary>How long one attempt may take before it counts as failed (default 10 seconds).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often due deliveries are looked for (default 1 second; new events wake the worker at once).</summary>
    public TimeSpan DispatchInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The waits after the 1st, 2nd, ... failed attempt (seed 004: 1 min, 5 min, 30 min, 1 h, 3 h); after the last a delivery is <c>failed</c>.</summary>
    public List<TimeSpan> RetrySchedule { get; set; } = [];

    /// <summary>How far each wait may be moved either way at random (default 0.1: ±10 %), so retries of many deliveries spread out.</summary>
    public double Jitter { get; set; } = 0.1;

    /// <summary>An endpoint whose deliveries failed this long without a success is disabled (default 5 days).</summary>
    public TimeSpan DisableAfterFailingFor { get; set; } = TimeSpan.FromDays(5);

    /// <summary>How long the previous secret keeps signing after a rotation (default 24 hours).</summary>
    public TimeSpan RotationOverlap { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long deliveries and their attempts are kept (default 90 days).</summary>
    public TimeSpan LogRetention { get; set; } = TimeSpan.FromDays(90);

    /// <summary>How often old deliveries are deleted (default 1 hour).</summary>
    public TimeSpan RetentionInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The most requests in flight at once over all endpoints (default 32).</summary>
    public int MaxConcurrentSends { get; set; } = 32;

    /// <summary>The most requests in flight at once to one endpoint (default 2).</summary>
    public int MaxConcurrentSendsPerEndpoint { get; set; } = 2;

    /// <summary>The retry schedule in force (the seed's when none is configured).</summary>
    public IReadOnlyList<TimeSpan> Schedule => RetrySchedule.Count > 0
        ? RetrySchedule
        : [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(1), TimeSpan.FromHours(3)];

    /// <inheritdoc />
    public IEnumerable<string> Problems() => SettingRules.Failed(
        AllowedHosts.All(h => AllowList.TryParseEntry(h, out _)) ? null : "Webhooks:AllowedHosts must hold host names or CIDR ranges such as 127.0.0.1/32",
        SettingRules.Positive(Timeout, "Webhooks:Timeout"),
        SettingRules.Positive(DispatchInterval, "Webhooks:DispatchInterval"),
        RetrySchedule.All(t => t > TimeSpan.Zero) ? null : "Webhooks:RetrySchedule must hold positive durations",
        Jitter is >= 0 and < 1 ? null : "Webhooks:Jitter must be at least 0 and below 1",
        SettingRules.Positive(DisableAfterFailingFor, "Webhooks:DisableAfterFailingFor"),
        SettingRules.NotNegative(RotationOverlap, "Webhooks:RotationOverlap"),
        SettingRules.Positive(LogRetention, "Webhooks:LogRetention"),
        SettingRules.Positive(RetentionInterval, "Webhooks:RetentionInterval"),
        SettingRules.AtLeast(MaxConcurrentSends, 1, "Webhooks:MaxConcurrentSends"),
        SettingRules.AtLeast(MaxConcurrentSendsPerEndpoint, 1, "Webhooks:MaxConcurrentSendsPerEndpoint"));
}
