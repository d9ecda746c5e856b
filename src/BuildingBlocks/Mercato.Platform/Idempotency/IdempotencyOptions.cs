using Mercato.Platform.Hosting;

namespace Mercato.Platform.Idempotency;

/// <summary>How long idempotency keys live (<c>Idempotency</c> section).</summary>
public sealed class IdempotencyOptions : IValidatedOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Idempotency";

    /// <summary>How long a stored response is replayed for its key (default 24 hours).</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// How long a reservation may stay in progress before another request with the same key and
    /// body may take it over (default 2 minutes). It only matters when a process died while
    /// running the handler; make it longer than the slowest handler.
    /// </summary>
    public TimeSpan LockTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often expired records are deleted (default hourly).</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromHours(1);

    /// <inheritdoc />
    public IEnumerable<string> Problems() => SettingRules.Failed(
        SettingRules.Positive(Retention, "Idempotency:Retention"),
        SettingRules.Positive(LockTimeout, "Idempotency:LockTimeout"),
        SettingRules.Positive(SweepInterval, "Idempotency:SweepInterval"));
}
