namespace Mercato.Catalog.Products;

/// <summary>The fields an administrator writes on a product (seed 004's create body), shared by create, replace and patch.</summary>
public interface IProductFields
{
    /// <summary>Display name.</summary>
    string? Name { get; }

    /// <summary>URL name.</summary>
    string? Slug { get; }

    /// <summary>Short description.</summary>
    string? Description { get; }

    /// <summary>Long description.</summary>
    string? LongDescription { get; }

    /// <summary>What the shopper pays.</summary>
    decimal? Price { get; }

    /// <summary>List price.</summary>
    decimal? CompareAtPrice { get; }

    /// <summary>Stock keeping unit.</summary>
    string? Sku { get; }

    /// <summary>Category.</summary>
    Guid? CategoryId { get; }

    /// <summary>Pictures.</summary>
    List<ProductImageRequest>? Images { get; }

    /// <summary>Stock (create only).</summary>
    int? Stock { get; }

    /// <summary>Tags.</summary>
    List<string>? Tags { get; }

    /// <summary>Attributes.</summary>
    List<ProductAttributeRequest>? Attributes { get; }

    /// <summary>Specifications.</summary>
    Dictionary<string, string>? Specifications { get; }

    /// <summary>Published in the shop.</summary>
    bool? Available { get; }

    /// <summary>Related product ids.</summary>
    List<Guid>? RelatedProducts { get; }
}

/// <summary>A picture in a product write.</summary>
/// <param name="Url">Absolute http(s) URL.</param>
/// <param name="Alt">Alternative text.</param>
/// <param name="IsPrimary">Whether it is the main picture (at most one).</param>
public sealed record ProductImageRequest(string? Url, string? Alt, bool IsPrimary);

/// <summary>An attribute in a product write.</summary>
/// <param name="Name">Attribute name.</param>
/// <param name="Value">Attribute value.</param>
public sealed record ProductAttributeRequest(string? Name, string? Value);
