namespace Mercato.Cart;

/// <summary>The Cart's settings (section <c>Cart</c>), validated at start.</summary>
internal sealed class CartOptions
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

    /// <summary>The problems with these settings, empty when they are usable.</summary>
    public IEnumerable<string> Problems()
    {
        if (TaxRate is < 0m or >= 1m)
        {
            yield return "Cart:TaxRate must be at least 0 and below 1 (0.08 is 8%).";
        }

        if (MaxQuantityPerLine < 1 || MaxLinesPerCart < 1 || MaxUnitsPerCart < 1)
        {
            yield return "Cart:MaxQuantityPerLine, MaxLinesPerCart and MaxUnitsPerCart must be at least 1.";
        }

        if (GuestCartIdleFor <= TimeSpan.Zero || UserCartIdleFor <= TimeSpan.Zero || SweepInterval <= TimeSpan.Zero)
        {
            yield return "Cart:GuestCartIdleFor, UserCartIdleFor and SweepInterval must be positive.";
        }

        if (RedemptionHold <= TimeSpan.Zero || RedemptionSweepInterval <= TimeSpan.Zero)
        {
            yield return "Cart:RedemptionHold and RedemptionSweepInterval must be positive.";
        }
    }
}
