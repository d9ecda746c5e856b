namespace Mercato.Catalog.Products;

/// <summary>Body of <c>PATCH /api/v1/products/{id}</c>: only the fields given (not null) change; <c>stock</c> is refused.</summary>
internal sealed record ProductPatchRequest : ProductFields;
