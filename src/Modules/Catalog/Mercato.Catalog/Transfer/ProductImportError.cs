namespace Mercato.Catalog.Transfer;

/// <summary>One row of a product CSV import that was not imported (or, for <c>stock</c>, imported but for its stock).</summary>
/// <param name="Line">The line of the file the row starts on (the header is line 1).</param>
/// <param name="Sku">The row's SKU, if it had one.</param>
/// <param name="Field">The column at fault, if one.</param>
/// <param name="Message">Why.</param>
internal sealed record ProductImportError(int Line, string? Sku, string? Field, string Message);
