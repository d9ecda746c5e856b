using Mercato.Platform.Hosting;

namespace Mercato.Cart;

/// <summary>The Cart's settings (section <c>Cart</c>), validated at start.</summary>
internal sealed class CartOptions : IValidatedOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Cart";

    /// <summary>Tax rate on the discounted subtotal, 0 ≤ rate &lt; 1 (default 0.08).</summary>
    public decimal TaxRate { get; set; } = 0.08m;

    /// <summary>Most units of one product in a cart (default 99).</summary>
    public int MaxQuantityPerLine { get; set; } = 99;

    /// <summary>Most different products in a cart (default 50).</summary>
    public int MaxLinesPerCart { get; set; } = 50;

    /// <summary>Most units in a cart, all lines together (default 500).</summary>
    public int MaxUnitsPerCart { get; set; } = 500;

    /// <summary>A guest cart untouched this long is removed (default 7 days).</summary>
    public TimeSpan GuestCartIdleFor { get; set; } = TimeSpan.FromDays(7);

    /// <summary>A signed-in user's cart untouched this long is removed (default 60 days).</summary>
    public TimeSpan UserCartIdleFor { get; set; } = TimeSpan.FromDays(60);

    /// <summary>How often idle carts are looked for (default 1 hour).</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How long a coupon use counted for an order stays held without Ordering's <c>OrderPlaced</c>
    /// confirming it; after that the order is taken never to have been written and the use is
    /// given back (default 15 minutes).
    /// </summary>
    public TimeSpan RedemptionHold { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often unconfirmed coupon uses past their hold are looked for (default 1 minute).</summary>
    public TimeSpan RedemptionSweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <inheritdoc />
    public IEnumerable<string> Problems() => SettingRules.Failed(
        TaxRate is >= 0m and < 1m ? null : "Cart:TaxRate must be at least 0 and below 1 (0.08 is 8%)",
        SettingRules.AtLeast(MaxQuantityPerLine, 1, "Cart:MaxQuantityPerLine"),
        SettingRules.AtLeast(MaxLinesPerCart, 1, "Cart:MaxLinesPerCart"),
        SettingRules.AtLeast(MaxUnitsPerCart, 1, "Cart:MaxUnitsPerCart"),
        SettingRules.Positive(GuestCartIdleFor, "Cart:GuestCartIdleFor"),
        SettingRules.Positive(UserCartIdleFor, "Cart:UserCartIdleFor"),
        SettingRules.Positive(SweepInterval, "Cart:SweepInterval"),
        SettingRules.Positive(RedemptionHold, "Cart:RedemptionHold"),
        SettingRules.Positive(RedemptionSweepInterval, "Cart:RedemptionSweepInterval"));
}
