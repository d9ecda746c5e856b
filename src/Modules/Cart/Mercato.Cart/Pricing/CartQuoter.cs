using Mercato.Cart.Carts;
using Mercato.Cart.Contracts;
using Mercato.Cart.Coupons;
using Mercato.Cart.Data;
using Mercato.Catalog.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Mercato.Cart.Pricing;

/// <summary>
/// Prices a cart: asks the catalog for the lines' products (one call), overlays their current
/// names, prices and availability on the lines (in memory: the stored copies are kept current by
/// the catalog's events and by the shopper's writes), checks the coupon and applies
/// <see cref="CartPricing"/>. Prices always come from the catalog.
/// </summary>
internal sealed class CartQuoter(CartDbContext db, ICatalogClient catalog, IOptions<CartOptions> options, TimeProvider time)
{
    /// <summary>Prices <paramref name="cart"/> (tracked by this module's context).</summary>
    public async Task<CartQuote> QuoteAsync(ShoppingCart cart, CancellationToken cancellationToken)
    {
        var items = cart.Items.OrderBy(i => i.AddedAt).ThenBy(i => i.Id).ToList();
        var products = items.Count == 0
            ? new Dictionary<Guid, ProductSnapshot>()
            : (await catalog.GetProductsAsync(items.Select(i => i.ProductId).ToList(), cancellationToken)).ToDictionary(p => p.Id);
        foreach (var item in items)
        {
            Refresh(item, products.GetValueOrDefault(item.ProductId));
        }

        var lines = items.Select(i => new PricingLine(i.UnitPrice, i.Quantity, i.CategoryId, i.Available)).ToList();
        var coupon = await CouponAsync(cart.CouponCode, lines, cancellationToken);
        var taxRate = options.Value.TaxRate;
        var totals = CartPricing.Price(lines, coupon is { Valid: true, Coupon: { } c } ? Terms(c) : null, taxRate);
        var quoted = items.Select((item, i) => new QuotedLine(
            item, totals.LineSubtotals[i], totals.LineDiscounts[i], products.GetValueOrDefault(item.ProductId)?.AvailableStock ?? 0)).ToList();
        return new CartQuote(cart, quoted, totals, taxRate, coupon);
    }

    /// <summary>The terms the pricing applies for <paramref name="coupon"/>.</summary>
    public static CouponTerms Terms(Coupon coupon) => new(coupon.Type, coupon.Value, coupon.CategoryIds);

    /// <summary>Copies the catalog's current facts onto a line; a product the catalog no longer knows becomes unavailable.</summary>
    public static void Refresh(CartItem item, ProductSnapshot? product)
    {
        if (product is null)
        {
            item.Available = false;
            return;
        }

        item.ProductName = product.Name;
        item.Sku = product.Sku;
        item.ImageUrl = product.ImageUrl;
        item.CategoryId = product.CategoryId;
        item.UnitPrice = product.Price;
        item.Available = product.Available;
    }

    private async Task<CouponStatus?> CouponAsync(string? code, IReadOnlyList<PricingLine> lines, CancellationToken cancellationToken)
    {
        if (code is null)
        {
            return null;
        }

        var coupon = await db.Coupons.AsNoTracking().SingleOrDefaultAsync(c => c.Code == code && !c.IsDeleted, cancellationToken);
        if (coupon is null)
        {
            return new CouponStatus(code, null, CouponRefusal.Unknown);
        }

        var refusal = CouponRules.CheckState(coupon, time.GetUtcNow().UtcDateTime) ?? CouponRules.CheckCart(coupon, lines);
        return new CouponStatus(code, coupon, refusal);
    }
}
