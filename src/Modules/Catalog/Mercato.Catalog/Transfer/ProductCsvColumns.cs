namespace Mercato.Catalog.Transfer;

/// <summary>The columns of the product CSV, in the order an export writes them.</summary>
internal static class ProductCsvColumns
{
    /// <summary>Stock keeping unit: the key an import matches existing products by (required).</summary>
    public const string Sku = "sku";

    /// <summary>Display name (required).</summary>
    public const string Name = "name";

    /// <summary>URL name (optional: made from the name for a new product, kept for an existing one).</summary>
    public const string Slug = "slug";

    /// <summary>Short description (required).</summary>
    public const string Description = "description";

    /// <summary>What the shopper pays, with a point for decimals (required).</summary>
    public const string Price = "price";

    /// <summary>List price (optional; empty means none).</summary>
    public const string CompareAtPrice = "compareAtPrice";

    /// <summary>Category slug or id (required).</summary>
    public const string Category = "category";

    /// <summary>Units on hand (optional; 0 for a new product, unchanged for an existing one when empty).</summary>
    public const string Stock = "stock";

    /// <summary>Published: true or false (optional, default true).</summary>
    public const string Available = "available";

    /// <summary>Tags separated by <c>|</c> (optional).</summary>
    public const string Tags = "tags";

    /// <summary>The separator of tags in one cell.</summary>
    public const char TagSeparator = '|';

    /// <summary>Every column, in export order.</summary>
    public static IReadOnlyList<string> All { get; } = [Sku, Name, Slug, Description, Price, CompareAtPrice, Category, Stock, Available, Tags];

    /// <summary>The columns an import needs.</summary>
    public static IReadOnlyList<string> Required { get; } = [Sku, Name, Description, Price, Category];
}
