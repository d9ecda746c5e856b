namespace Mercato.Catalog.Products;

/// <summary>
/// A product. Price model: <see cref="Price"/> is what the shopper pays (seed 000's
/// <c>sellPrice</c>); <see cref="CompareAtPrice"/> is the optional list price it is compared
/// with; <see cref="DiscountPercent"/> is derived from the two (0 without a higher list price).
/// Stock: <see cref="OnHand"/> units exist, <see cref="Reserved"/> are held for unpaid orders, and
/// a shopper can buy <c>OnHand - Reserved</c>.
/// </summary>
internal sealed class Product
{
    /// <summary>Id (UUIDv7).</summary>
    public Guid Id { get; set; }

    /// <summary>Display name.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>URL name, unique.</summary>
    public string Slug { get; set; } = string.Empty;

    /// <summary>Stock keeping unit, unique.</summary>
    public string Sku { get; set; } = string.Empty;

    /// <summary>Short description.</summary>
    public string Description { get; set; } = string.Empty;

    /// <summary>Long description.</summary>
    public string? LongDescription { get; set; }

    /// <summary>What the shopper pays, two decimal places.</summary>
    public decimal Price { get; set; }

    /// <summary>The list price shown struck through, when higher than <see cref="Price"/>.</summary>
    public decimal? CompareAtPrice { get; set; }

    /// <summary>Percent off the list price, two decimal places; kept in step with the prices.</summary>
    public decimal DiscountPercent { get; set; }

    /// <summary>The category.</summary>
    public Guid CategoryId { get; set; }

    /// <summary>Pictures.</summary>
    public List<ProductImage> Images { get; set; } = [];

    /// <summary>Tags (lower case).</summary>
    public List<string> Tags { get; set; } = [];

    /// <summary>Attributes.</summary>
    public List<ProductAttribute> Attributes { get; set; } = [];

    /// <summary>Technical specifications (name → value).</summary>
    public Dictionary<string, string> Specifications { get; set; } = [];

    /// <summary>Ids of related products.</summary>
    public List<Guid> RelatedProductIds { get; set; } = [];

    /// <summary>Units in the warehouse.</summary>
    public int OnHand { get; set; }

    /// <summary>Units held by reservations of unpaid orders.</summary>
    public int Reserved { get; set; }

    /// <summary>Whether the product is published in the shop.</summary>
    public bool Available { get; set; } = true;

    /// <summary>Whether it was deleted (kept for old orders and the ledger, hidden from the shop).</summary>
    public bool IsDeleted { get; set; }

    /// <summary>Sum of all review ratings.</summary>
    public int RatingTotal { get; set; }

    /// <summary>Number of reviews.</summary>
    public int ReviewCount { get; set; }

    /// <summary>Increased on every change; the ETag and the optimistic concurrency token.</summary>
    public long Version { get; set; }

    /// <summary>When it was created (UTC).</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>When it last changed (UTC).</summary>
    public DateTime UpdatedAt { get; set; }

    /// <summary>Units a shopper can buy now.</summary>
    public int AvailableStock => Math.Max(0, OnHand - Reserved);

    /// <summary>Average rating, rounded to two places (0 without reviews).</summary>
    public decimal Rating => ReviewCount == 0 ? 0m : Math.Round((decimal)RatingTotal / ReviewCount, 2, MidpointRounding.AwayFromZero);

    /// <summary>The discount implied by a price and a list price: percent, two places, never negative.</summary>
    public static decimal DiscountFor(decimal price, decimal? compareAtPrice)
        => compareAtPrice is { } list && list > price && list > 0
            ? Math.Round((list - price) / list * 100m, 2, MidpointRounding.AwayFromZero)
            : 0m;
}
