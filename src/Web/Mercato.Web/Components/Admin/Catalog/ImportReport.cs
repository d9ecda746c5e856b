namespace Mercato.Web.Components.Admin.Catalog;

/// <summary>What a CSV import did.</summary>
/// <param name="Rows">Data rows read.</param>
/// <param name="Created">New products.</param>
/// <param name="Updated">Existing products changed.</param>
/// <param name="Failed">Rows refused.</param>
/// <param name="Errors">Each refused row.</param>
internal sealed record ImportReport(int Rows, int Created, int Updated, int Failed, IReadOnlyList<ImportRowError> Errors);
