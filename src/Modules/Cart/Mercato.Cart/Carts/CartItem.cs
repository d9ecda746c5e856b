namespace Mercato.Cart.Carts;

/// <summary>
/// One product in a cart. The catalog's details are copied here (and kept current by its
/// events and by every read) so a cart can be shown and swept without the catalog;
/// <see cref="PriceWhenAdded"/> is what the shopper saw when choosing the quantity, so a later
/// price change can be pointed out.
/// </summary>
internal sealed class CartItem
{
    /// <summary>Id (UUIDv7).</summary>
    public Guid Id { get; set; }

    /// <summary>The cart.</summary>
    public Guid CartId { get; set; }

    /// <summary>The product.</summary>
    public Guid ProductId { get; set; }

    /// <summary>Units, at least 1.</summary>
    public int Quantity { get; set; }

    /// <summary>The product's name, last known.</summary>
    public string ProductName { get; set; } = string.Empty;

    /// <summary>The product's SKU, last known.</summary>
    public string Sku { get; set; } = string.Empty;

    /// <summary>The product's primary image, last known.</summary>
    public string? ImageUrl { get; set; }

    /// <summary>The product's category, last known (coupons may be limited to categories).</summary>
    public Guid CategoryId { get; set; }

    /// <summary>The catalog's selling price, last known.</summary>
    public decimal UnitPrice { get; set; }

    /// <summary>The selling price when the shopper last chose this line's quantity.</summary>
    public decimal PriceWhenAdded { get; set; }

    /// <summary>Whether the catalog still sells the product, last known.</summary>
    public bool Available { get; set; } = true;

    /// <summary>When the product was first put in the cart (UTC).</summary>
    public DateTime AddedAt { get; set; }

    /// <summary>Last changed (UTC).</summary>
    public DateTime UpdatedAt { get; set; }
}
