namespace Mercato.Catalog.Products;

/// <summary>
/// How many shown (not deleted) products one category holds with one availability. The database
/// keeps these rows itself: triggers on <c>catalog_products</c> (migration <c>ProductListCounts</c>,
/// both providers) add and take away one in the same statement as the product's insert, delete,
/// or change of category, availability or deletion, so they are exact under any concurrency and
/// for writes that bypass the code (bulk imports, SQL). A list filtered by nothing but category and
/// availability (the shop's default list and its category pages) sums a few of these rows instead
/// of counting every match (95,000 index entries for the unfiltered list at 100,000 products). The
/// code never writes them.
/// </summary>
internal sealed class ProductListCount
{
    /// <summary>The category.</summary>
    public Guid CategoryId { get; private set; }

    /// <summary>The availability counted.</summary>
    public bool Available { get; private set; }

    /// <summary>How many shown products of the category have that availability.</summary>
    public long Count { get; private set; }
}
