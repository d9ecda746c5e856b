using Mercato.Catalog.Categories;
using Mercato.Catalog.Products;
using Mercato.Platform.Envelope;

namespace Mercato.Catalog.Caching;

/// <summary>
/// The tags cached catalog reads carry, and so what a write evicts. Every entry carries
/// <see cref="All"/> (a category write evicts everything: lists and details show category names);
/// an answer showing a product carries its <see cref="Product"/> tag (any change to it evicts
/// exactly the answers showing it); lists carry <see cref="Lists"/> (their membership and order:
/// evicted by creations, deletions, admin edits and stock that runs out or comes back) and, when
/// sorted by rating, <see cref="RatingLists"/> (a review reorders them), when filtered on
/// <c>maxStock</c>, <see cref="StockLists"/> (any stock move changes them); the category tree with its
/// product counts carries <see cref="CategoryCounts"/>.
/// </summary>
internal static class CatalogCacheTags
{
    /// <summary>Every cached catalog read, and the cached category tree.</summary>
    public const string All = "catalog";

    /// <summary>Every cached product list.</summary>
    public const string Lists = "catalog:lists";

    /// <summary>Product lists sorted by rating.</summary>
    public const string RatingLists = "catalog:lists:rating";

    /// <summary>Product lists filtered on <c>maxStock</c>: any stock move may add or drop a product.</summary>
    public const string StockLists = "catalog:lists:stock";

    /// <summary>Category answers, which count the shoppable products of each category.</summary>
    public const string CategoryCounts = "catalog:category-counts";

    /// <summary>The answers that show one product.</summary>
    public static string Product(Guid id) => "catalog:p:" + id.ToString("N");

    /// <summary>The tags of an answer, from what it shows (and, for lists, how they are sorted and whether stock filters them).</summary>
    public static List<string> Of(object answer, string? sortBy, bool stockFiltered)
    {
        var tags = new List<string> { All };
        switch (answer)
        {
            case ApiResponse<ProductResponse> detail when detail.Data is { } product:
                tags.Add(Product(product.Id));
                break;
            case ApiResponse<PagedResult<ProductSummaryResponse>> list when list.Data is { } page:
                tags.Add(Lists);
                if (string.Equals(sortBy, "rating", StringComparison.OrdinalIgnoreCase))
                {
                    tags.Add(RatingLists);
                }

                if (stockFiltered)
                {
                    tags.Add(StockLists);
                }

                tags.AddRange(page.Items.Select(p => Product(p.Id)));
                break;
            case ApiResponse<CategoryResponse> or ApiResponse<List<CategoryResponse>>:
                tags.Add(CategoryCounts);
                break;
            default:
                throw new InvalidOperationException($"No cache tags are defined for {answer.GetType().Name}: add them before caching it.");
        }

        return tags;
    }
}
