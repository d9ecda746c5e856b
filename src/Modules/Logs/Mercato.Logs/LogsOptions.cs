using Mercato.Platform.Hosting;

namespace Mercato.Logs;

/// <summary>Logs settings (section <c>Logs</c>).</summary>
internal sealed class LogsOptions : IValidatedOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Logs";

    /// <summary>How long log records are kept (default 30 days).</summary>
    public TimeSpan LogRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How long audit entries are kept (default 365 days).</summary>
    public TimeSpan AuditRetention { get; set; } = TimeSpan.FromDays(365);

    /// <summary>How often the retention job deletes what is older (default 1 hour).</summary>
    public TimeSpan RetentionInterval { get; set; } = TimeSpan.FromHours(1);

    /// <inheritdoc />
    public IEnumerable<string> Problems() => SettingRules.Failed(
        SettingRules.Positive(LogRetention, Section + ":LogRetention"),
        SettingRules.Positive(AuditRetention, Section + ":AuditRetention"),
        SettingRules.Positive(RetentionInterval, Section + ":RetentionInterval"));
}
