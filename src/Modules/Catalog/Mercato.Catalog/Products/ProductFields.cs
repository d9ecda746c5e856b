namespace Mercato.Catalog.Products;

/// <summary>
/// The fields an administrator writes on a product (seed 004's create body), declared once for
/// every product write: <see cref="ProductRequest"/> (create and replace) and
/// <see cref="ProductPatchRequest"/> (patch) differ only in which fields their validators require
/// and in what a field left out means.
/// </summary>
internal abstract record ProductFields
{
    /// <summary>Display name, 1-200 characters.</summary>
    public string? Name { get; init; }

    /// <summary>URL name; on create and replace made from the name when left out.</summary>
    public string? Slug { get; init; }

    /// <summary>Short description, 1-2000 characters.</summary>
    public string? Description { get; init; }

    /// <summary>Long description, at most 20000 characters.</summary>
    public string? LongDescription { get; init; }

    /// <summary>What the shopper pays: more than 0, at most two decimals.</summary>
    public decimal? Price { get; init; }

    /// <summary>List price, at least the price.</summary>
    public decimal? CompareAtPrice { get; init; }

    /// <summary>Stock keeping unit, stored in upper case.</summary>
    public string? Sku { get; init; }

    /// <summary>An existing category.</summary>
    public Guid? CategoryId { get; init; }

    /// <summary>Pictures (at most 20, at most one primary); a write that gives them replaces the list.</summary>
    public List<ProductImageRequest>? Images { get; init; }

    /// <summary>Initial units on hand: create only; replace and patch refuse it (stock has its own endpoints).</summary>
    public int? Stock { get; init; }

    /// <summary>Tags (at most 20, stored in lower case); a write that gives them replaces the list.</summary>
    public List<string>? Tags { get; init; }

    /// <summary>Attributes (at most 50); a write that gives them replaces the list.</summary>
    public List<ProductAttributeRequest>? Attributes { get; init; }

    /// <summary>Specifications (at most 50); a write that gives them replaces the map.</summary>
    public Dictionary<string, string>? Specifications { get; init; }

    /// <summary>Published in the shop (default true on create and replace).</summary>
    public bool? Available { get; init; }

    /// <summary>Ids of other existing products (at most 20); a write that gives them replaces the list.</summary>
    public List<Guid>? RelatedProducts { get; init; }
}
