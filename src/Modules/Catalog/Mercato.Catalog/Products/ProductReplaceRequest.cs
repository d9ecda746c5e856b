namespace Mercato.Catalog.Products;

/// <summary>
/// Body of <c>PUT /api/v1/products/{id}</c>. With every required field (name, description, price,
/// SKU, category) it replaces the product, resetting what it leaves out to a new product's
/// defaults; with only some fields, as seed 004's <c>{name, price, stock}</c>, it changes only
/// those. <c>stock</c> sets the units on hand through the stock ledger (never below the reserved units).
/// </summary>
internal sealed record ProductReplaceRequest : ProductFields
{
    /// <summary>Whether the body is a whole product (a replace) rather than a partial update.</summary>
    public bool IsComplete => Name is not null && Description is not null && Price is not null && Sku is not null && CategoryId is not null;
}
