namespace Mercato.Catalog.Search.Index;

/// <summary>The columns of a product the index reads.</summary>
internal sealed record IndexedProduct(
    Guid Id, string Name, string Sku, List<string> Tags, string Description, Guid CategoryId, bool Available, bool IsDeleted, long Version, DateTime UpdatedAt)
{
    /// <summary>Whether the shop shows it, so that search finds it.</summary>
    public bool Searchable => Available && !IsDeleted;
}
