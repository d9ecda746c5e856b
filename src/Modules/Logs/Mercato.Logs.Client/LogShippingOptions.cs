using Mercato.Platform.Hosting;
using Microsoft.Extensions.Logging;

namespace Mercato.Logs.Client;

/// <summary>How this process ships its logs to the Logs module (<c>Logs:Shipping</c>).</summary>
public sealed class LogShippingOptions : IValidatedOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Logs:Shipping";

    /// <summary>Whether logs are shipped at all (default true).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The least level shipped (default Information); per-category levels come from <c>Logging:LogLevel</c> and <c>Logging:Shipping:LogLevel</c>.</summary>
    public LogLevel MinimumLevel { get; set; } = LogLevel.Information;

    /// <summary>How many records wait at most; beyond it new records are dropped and counted (default 10,000).</summary>
    public int Capacity { get; set; } = 10_000;

    /// <summary>The most records sent in one batch (default 200).</summary>
    public int BatchSize { get; set; } = 200;

    /// <summary>How long a partial batch waits for more records (default 1 s).</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How many times a batch is tried before it is dropped and counted (default 3).</summary>
    public int Attempts { get; set; } = 3;

    /// <summary>The pause between two attempts (default 2 s).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <inheritdoc />
    public IEnumerable<string> Problems() => SettingRules.Failed(
        SettingRules.AtLeast(Capacity, 1, Section + ":Capacity"),
        SettingRules.AtLeast(BatchSize, 1, Section + ":BatchSize"),
        SettingRules.AtLeast(Attempts, 1, Section + ":Attempts"),
        SettingRules.Positive(FlushInterval, Section + ":FlushInterval"),
        SettingRules.NotNegative(RetryDelay, Section + ":RetryDelay"),
        BatchSize <= Contracts.LogIngestRequest.MaxRecords ? null : $"{Section}:BatchSize must be at most {Contracts.LogIngestRequest.MaxRecords}");
}
