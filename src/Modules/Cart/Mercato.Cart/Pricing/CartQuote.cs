using Mercato.Cart.Carts;

namespace Mercato.Cart.Pricing;

/// <summary>A cart priced with the catalog's current prices and stock.</summary>
/// <param name="Cart">The cart.</param>
/// <param name="Lines">Its lines, oldest first.</param>
/// <param name="Totals">The figures.</param>
/// <param name="TaxRate">The tax rate used.</param>
/// <param name="Coupon">The coupon on the cart, if any.</param>
internal sealed record CartQuote(ShoppingCart Cart, IReadOnlyList<QuotedLine> Lines, CartTotals Totals, decimal TaxRate, CouponStatus? Coupon)
{
    /// <summary>Whether every line can be bought as it stands.</summary>
    public bool CanCheckOut => Lines.Count > 0 && Lines.All(l => l.InStock);

    /// <summary>Units in the cart.</summary>
    public int ItemCount => Lines.Sum(l => l.Item.Quantity);
}
