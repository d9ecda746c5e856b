using Mercato.Catalog.Products;

namespace Mercato.Catalog.Transfer;

/// <summary>A data row of a product CSV read into a create request, or the reason it could not be.</summary>
/// <param name="Line">The line the row starts on.</param>
/// <param name="Sku">The SKU as written (upper case), if any.</param>
/// <param name="Request">The product the row describes (null when a cell could not be read).</param>
/// <param name="SlugGiven">Whether the row named a slug (an update keeps the stored slug otherwise).</param>
/// <param name="StockGiven">Whether the row named a stock figure (an update keeps the stock otherwise).</param>
/// <param name="Error">Why the row is refused, if it is.</param>
internal sealed record ProductImportRow(int Line, string? Sku, ProductRequest? Request, bool SlugGiven, bool StockGiven, ProductImportError? Error);
