namespace Mercato.Catalog.Products;

/// <summary>
/// Body of <c>POST /api/v1/products</c> and <c>PUT /api/v1/products/{id}</c>: name, description,
/// price, SKU and category are required; PUT replaces every field but the stock, resetting those
/// left out to a new product's defaults.
/// </summary>
internal sealed record ProductRequest : ProductFields;
