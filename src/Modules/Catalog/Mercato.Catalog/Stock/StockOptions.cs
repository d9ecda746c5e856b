using Mercato.Platform.Hosting;

namespace Mercato.Catalog.Stock;

/// <summary>Settings of stock reservations (<c>Catalog:Reservations</c>).</summary>
internal sealed class StockOptions : IValidatedOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Catalog:Reservations";

    /// <summary>How long units are held when the caller does not say (default 30 minutes).</summary>
    public TimeSpan HoldFor { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How often expired reservations are released (default 1 minute).</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <inheritdoc />
    public IEnumerable<string> Problems() => SettingRules.Failed(
        SettingRules.Positive(HoldFor, "Catalog:Reservations:HoldFor"),
        SettingRules.Positive(SweepInterval, "Catalog:Reservations:SweepInterval"));
}
