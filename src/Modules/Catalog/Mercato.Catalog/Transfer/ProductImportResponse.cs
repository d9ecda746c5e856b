namespace Mercato.Catalog.Transfer;

/// <summary>What a product CSV import did: the rows written and each row refused with why.</summary>
/// <param name="Rows">Data rows read (the header not counted).</param>
/// <param name="Created">New products.</param>
/// <param name="Updated">Existing products (matched by SKU) changed.</param>
/// <param name="Failed">Rows refused.</param>
/// <param name="Errors">Each refused row: its line in the file and the reason.</param>
internal sealed record ProductImportResponse(int Rows, int Created, int Updated, int Failed, IReadOnlyList<ProductImportError> Errors);
