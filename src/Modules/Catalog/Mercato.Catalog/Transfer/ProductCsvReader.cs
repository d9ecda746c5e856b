using System.Globalization;
using Mercato.Catalog.Categories;
using Mercato.Catalog.Products;
using Mercato.Platform.Validation;

namespace Mercato.Catalog.Transfer;

/// <summary>Turns the records of a product CSV into checked create requests, one per data row.</summary>
/// <param name="header">The header's column names.</param>
/// <param name="categories">Every category, to find the one a row names by slug or id.</param>
internal sealed class ProductCsvReader(IReadOnlyList<string> header, IReadOnlyList<Category> categories)
{
    private static readonly ProductRequestValidator Validator = new();
    private readonly Dictionary<string, int> _columns = header
        .Select((name, index) => (name: name.Trim(), index))
        .Where(c => c.name.Length > 0)
        .GroupBy(c => c.name, StringComparer.OrdinalIgnoreCase)
        .ToDictionary(g => g.Key, g => g.First().index, StringComparer.OrdinalIgnoreCase);

    /// <summary>The required columns the header lacks.</summary>
    public IReadOnlyList<string> MissingColumns => [.. ProductCsvColumns.Required.Where(c => !_columns.ContainsKey(c))];

    /// <summary>Reads and checks one data row on its own (uniqueness against the catalog and the file is checked later).</summary>
    public ProductImportRow Read(CsvRecord record)
    {
        var sku = Cell(record, ProductCsvColumns.Sku) is { Length: > 0 } given ? given.ToUpperInvariant() : null;
        ProductImportRow Refuse(string field, string message) => new(record.Line, sku, null, false, false, new ProductImportError(record.Line, sku, field, message));

        if (record.Cells.Count > header.Count)
        {
            return Refuse("line", $"The row has {record.Cells.Count} cells but the header names {header.Count} columns");
        }

        if (!TryDecimal(Cell(record, ProductCsvColumns.Price), out var price) || price is null)
        {
            return Refuse(ProductCsvColumns.Price, "'Price' must be a number such as 19.99");
        }

        if (!TryDecimal(Cell(record, ProductCsvColumns.CompareAtPrice), out var compareAt))
        {
            return Refuse(ProductCsvColumns.CompareAtPrice, "'Compare At Price' must be empty or a number such as 24.99");
        }

        var stockCell = Cell(record, ProductCsvColumns.Stock);
        int? stock = null;
        if (stockCell.Length > 0)
        {
            if (!int.TryParse(stockCell, NumberStyles.Integer, CultureInfo.InvariantCulture, out var units))
            {
                return Refuse(ProductCsvColumns.Stock, "'Stock' must be empty or a whole number");
            }

            stock = units;
        }

        bool? available = Cell(record, ProductCsvColumns.Available).ToLowerInvariant() switch
        {
            "" or "true" or "yes" or "1" => true,
            "false" or "no" or "0" => false,
            _ => null,
        };
        if (available is null)
        {
            return Refuse(ProductCsvColumns.Available, "'Available' must be true or false");
        }

        var categoryCell = Cell(record, ProductCsvColumns.Category);
        var category = categories.FirstOrDefault(c => string.Equals(c.Slug, categoryCell, StringComparison.OrdinalIgnoreCase)
            || (Guid.TryParse(categoryCell, out var id) && c.Id == id));
        if (category is null)
        {
            return Refuse(ProductCsvColumns.Category, categoryCell.Length == 0 ? "'Category' must not be empty." : $"Category '{categoryCell}' not found");
        }

        var slug = Cell(record, ProductCsvColumns.Slug);
        var tags = Cell(record, ProductCsvColumns.Tags);
        var request = new ProductRequest
        {
            Sku = Cell(record, ProductCsvColumns.Sku),
            Name = Cell(record, ProductCsvColumns.Name),
            Slug = slug.Length > 0 ? slug : null,
            Description = Cell(record, ProductCsvColumns.Description),
            Price = price,
            CompareAtPrice = compareAt,
            CategoryId = category.Id,
            Stock = stock,
            Available = available,
            Tags = [.. tags.Split(ProductCsvColumns.TagSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
        };
        var failure = Validator.Validate(request).Errors.FirstOrDefault();
        return failure is null
            ? new ProductImportRow(record.Line, sku, request, slug.Length > 0, stock is not null, null)
            : Refuse(ColumnOf(failure.PropertyName), failure.ErrorMessage);
    }

    private static string ColumnOf(string property) => FieldName.ToCamelPath(property)?.Split('[', '.')[0] switch
    {
        "categoryId" => ProductCsvColumns.Category,
        { } name => name,
        null => "line",
    };

    private static bool TryDecimal(string cell, out decimal? value)
    {
        value = null;
        if (cell.Length == 0)
        {
            return true;
        }

        if (decimal.TryParse(cell, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            value = number;
            return true;
        }

        return false;
    }

    private string Cell(CsvRecord record, string column) =>
        _columns.TryGetValue(column, out var index) && index < record.Cells.Count ? record.Cells[index].Trim() : string.Empty;
}
