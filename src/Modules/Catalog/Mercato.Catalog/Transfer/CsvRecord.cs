namespace Mercato.Catalog.Transfer;

/// <summary>One record of a CSV file and the line of the file it starts on (the header is line 1).</summary>
/// <param name="Line">The 1-based line number where the record starts.</param>
/// <param name="Cells">The record's cells, unquoted.</param>
internal sealed record CsvRecord(int Line, IReadOnlyList<string> Cells);
