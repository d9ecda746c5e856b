namespace Mercato.Catalog.Products;

/// <summary>Body of <c>POST /api/v1/products</c> and <c>PUT /api/v1/products/{id}</c> (PUT replaces every field but the stock).</summary>
/// <param name="Name">Display name, 1-200 characters.</param>
/// <param name="Slug">URL name; made from the name when left out.</param>
/// <param name="Description">Short description, 1-2000 characters.</param>
/// <param name="LongDescription">Long description, at most 20000 characters.</param>
/// <param name="Price">What the shopper pays: more than 0, at most two decimals.</param>
/// <param name="CompareAtPrice">List price, at least <paramref name="Price"/>.</param>
/// <param name="Sku">Stock keeping unit, stored in upper case.</param>
/// <param name="CategoryId">An existing category.</param>
/// <param name="Images">Pictures (at most 20, at most one primary).</param>
/// <param name="Stock">Initial units on hand (create only; stock has its own endpoints afterwards).</param>
/// <param name="Tags">Tags (at most 20, stored in lower case).</param>
/// <param name="Attributes">Attributes (at most 50).</param>
/// <param name="Specifications">Specifications (at most 50).</param>
/// <param name="Available">Published in the shop (default true).</param>
/// <param name="RelatedProducts">Ids of other existing products (at most 20).</param>
public sealed record ProductRequest(
    string? Name,
    string? Slug,
    string? Description,
    string? LongDescription,
    decimal? Price,
    decimal? CompareAtPrice,
    string? Sku,
    Guid? CategoryId,
    List<ProductImageRequest>? Images,
    int? Stock,
    List<string>? Tags,
    List<ProductAttributeRequest>? Attributes,
    Dictionary<string, string>? Specifications,
    bool? Available,
    List<Guid>? RelatedProducts) : IProductFields;

/// <summary>Body of <c>PATCH /api/v1/products/{id}</c>: only the fields given (not null) change.</summary>
/// <param name="Name">Display name.</param>
/// <param name="Slug">URL name.</param>
/// <param name="Description">Short description.</param>
/// <param name="LongDescription">Long description.</param>
/// <param name="Price">What the shopper pays.</param>
/// <param name="CompareAtPrice">List price.</param>
/// <param name="Sku">Stock keeping unit.</param>
/// <param name="CategoryId">Category.</param>
/// <param name="Images">Pictures (replace the list).</param>
/// <param name="Stock">Refused: stock has its own endpoints.</param>
/// <param name="Tags">Tags (replace the list).</param>
/// <param name="Attributes">Attributes (replace the list).</param>
/// <param name="Specifications">Specifications (replace the map).</param>
/// <param name="Available">Published in the shop.</param>
/// <param name="RelatedProducts">Related product ids (replace the list).</param>
public sealed record ProductPatchRequest(
    string? Name,
    string? Slug,
    string? Description,
    string? LongDescription,
    decimal? Price,
    decimal? CompareAtPrice,
    string? Sku,
    Guid? CategoryId,
    List<ProductImageRequest>? Images,
    int? Stock,
    List<string>? Tags,
    List<ProductAttributeRequest>? Attributes,
    Dictionary<string, string>? Specifications,
    bool? Available,
    List<Guid>? RelatedProducts) : IProductFields;
