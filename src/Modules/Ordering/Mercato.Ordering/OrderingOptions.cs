using Mercato.Platform.Hosting;

namespace Mercato.Ordering;

/// <summary>Ordering settings (section <c>Ordering</c>).</summary>
internal sealed class OrderingOptions : IValidatedOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Ordering";

    /// <summary>How long a placed order may stay unpaid before it is cancelled (default 30 minutes).</summary>
    public TimeSpan PaymentWindow { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// How much longer than <see cref="PaymentWindow"/> the Catalog holds an order's stock, so the
    /// reservation never lapses while its order can still be paid (default 15 minutes).
    /// </summary>
    public TimeSpan ReservationMargin { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often pending orders past their payment window are looked for (default 1 minute).</summary>
    public TimeSpan ExpirySweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The shop's name as invoices show it (default "Mercato").</summary>
    public string ShopName { get; set; } = "Mercato";

    /// <inheritdoc />
    public IEnumerable<string> Problems() => SettingRules.Failed(
        SettingRules.Positive(PaymentWindow, "Ordering:PaymentWindow"),
        SettingRules.NotNegative(ReservationMargin, "Ordering:ReservationMargin"),
        SettingRules.Positive(ExpirySweepInterval, "Ordering:ExpirySweepInterval"));
}
