namespace Mercato.Web.Components.Admin.Catalog;

/// <summary>A row of a CSV import that was refused.</summary>
/// <param name="Line">Its line in the file.</param>
/// <param name="Sku">Its SKU.</param>
/// <param name="Field">The column at fault.</param>
/// <param name="Message">Why.</param>
internal sealed record ImportRowError(int Line, string? Sku, string? Field, string Message);
