using Mercato.Catalog.Categories;
using Mercato.Catalog.Products;
using Mercato.Catalog.Stock;

namespace Mercato.Catalog.DemoData;

/// <summary>The rows of a demo shop.</summary>
/// <param name="Categories">The category tree, parents first.</param>
/// <param name="Products">The products.</param>
/// <param name="Ledger">One <see cref="StockChangeKind.Initial"/> entry per product.</param>
internal sealed record DemoShop(IReadOnlyList<Category> Categories, IReadOnlyList<Product> Products, IReadOnlyList<StockLedgerEntry> Ledger);
