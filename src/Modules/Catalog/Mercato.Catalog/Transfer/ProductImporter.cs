using Mercato.Catalog.Data;
using Mercato.Catalog.Products;
using Mercato.Catalog.Stock;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Catalog.Transfer;

/// <summary>
/// Writes the checked rows of a product CSV: a row whose SKU names an existing product changes it
/// (its stock, when given, is set through the ledger), any other row creates a product with its
/// initial stock. A row whose SKU or slug repeats one of an earlier row, or whose slug or SKU belongs
/// to another (or a removed) product, is refused; every other row is written in one save.
/// </summary>
/// <param name="db">The Catalog database.</param>
/// <param name="stock">The stock ledger, for stock set on existing products.</param>
/// <param name="time">The clock.</param>
internal sealed class ProductImporter(CatalogDbContext db, StockService stock, TimeProvider time)
{
    /// <summary>Imports <paramref name="rows"/>; answers what was done and each refused row.</summary>
    public async Task<ProductImportResponse> ImportAsync(IReadOnlyList<ProductImportRow> rows, string? actor, CancellationToken cancellationToken)
    {
        var errors = rows.Where(r => r.Error is not null).Select(r => r.Error!).ToList();
        var valid = rows.Where(r => r.Error is null).ToList();
        var skus = valid.Select(r => r.Sku!).Distinct().ToList();
        var existing = await db.Products.Where(p => skus.Contains(p.Sku)).ToDictionaryAsync(p => p.Sku, cancellationToken);
        var slugs = valid.Select(r => r.Request!.Slug ?? Slugs.From(r.Request.Name, ProductFieldsValidator<ProductRequest>.MaxSlugLength)).Distinct().ToList();
        var slugOwners = await db.Products.Where(p => slugs.Contains(p.Slug)).Select(p => new { p.Slug, p.Id }).ToDictionaryAsync(p => p.Slug, p => p.Id, cancellationToken);

        var now = time.GetUtcNow().UtcDateTime;
        var seenSkus = new Dictionary<string, int>(StringComparer.Ordinal);
        var seenSlugs = new Dictionary<string, int>(StringComparer.Ordinal);
        var stockToSet = new List<(ProductImportRow Row, Guid ProductId, int OnHand)>();
        var (created, updated) = (0, 0);
        foreach (var row in valid)
        {
            var request = row.Request!;
            existing.TryGetValue(row.Sku!, out var product);
            var slug = product is not null && !row.SlugGiven ? product.Slug : request.Slug ?? Slugs.From(request.Name, ProductFieldsValidator<ProductRequest>.MaxSlugLength);
            var refusal = seenSkus.TryGetValue(row.Sku!, out var skuLine) ? (ProductCsvColumns.Sku, $"SKU '{row.Sku}' is already on line {skuLine}")
                : seenSlugs.TryGetValue(slug, out var slugLine) ? (ProductCsvColumns.Slug, $"Slug '{slug}' is already on line {slugLine}")
                : product is { IsDeleted: true } ? (ProductCsvColumns.Sku, $"SKU '{row.Sku}' belongs to a removed product")
                : slugOwners.TryGetValue(slug, out var owner) && owner != product?.Id ? (ProductCsvColumns.Slug, $"A product with slug '{slug}' already exists")
                : ((string Field, string Message)?)null;
            seenSkus.TryAdd(row.Sku!, row.Line);
            seenSlugs.TryAdd(slug, row.Line);
            if (refusal is { } refused)
            {
                errors.Add(new ProductImportError(row.Line, row.Sku, refused.Field, refused.Message));
                continue;
            }

            if (product is null)
            {
                product = new Product { Id = Guid.CreateVersion7(), CreatedAt = now, OnHand = request.Stock ?? 0 };
                ProductsAdminApi.Merge(request with { Stock = null }, product);
                product.Slug = slug;
                ProductsAdminApi.AddNew(db, product, actor, now);
                created++;
                continue;
            }

            var previousPrice = product.Price;
            ProductsAdminApi.Merge(request with { Stock = null, Slug = slug }, product);
            product.CompareAtPrice = request.CompareAtPrice;
            ProductsAdminApi.AddChange(db, product, previousPrice, now);
            updated++;
            if (request.Stock is { } onHand && onHand != product.OnHand)
            {
                stockToSet.Add((row, product.Id, onHand));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var (row, productId, onHand) in stockToSet)
        {
            var outcome = await stock.SetOnHandAsync(productId, onHand, "Stock set by a CSV import", actor, cancellationToken);
            if (outcome.Status != StockChangeStatus.Changed)
            {
                var why = outcome.Status == StockChangeStatus.BelowReserved
                    ? $"On hand cannot fall below the {outcome.Figures!.Reserved} reserved units; the other fields were imported"
                    : "The stock kept changing; the other fields were imported, import the row again";
                errors.Add(new ProductImportError(row.Line, row.Sku, ProductCsvColumns.Stock, why));
            }
        }

        var failedRows = errors.Where(e => e.Field != ProductCsvColumns.Stock || !stockToSet.Any(s => s.Row.Line == e.Line)).Select(e => e.Line).Distinct().Count();
        return new ProductImportResponse(rows.Count, created, updated, failedRows, [.. errors.OrderBy(e => e.Line)]);
    }
}
