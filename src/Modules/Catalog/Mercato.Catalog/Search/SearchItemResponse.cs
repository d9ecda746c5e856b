using Mercato.Catalog.Products;

namespace Mercato.Catalog.Search;

/// <summary>A product in search results: the list item (<see cref="ProductSummaryResponse"/>) plus its relevance.</summary>
internal sealed record SearchItemResponse : ProductSummaryResponse
{
    /// <summary>The list item <paramref name="summary"/> with its <paramref name="score"/>.</summary>
    public SearchItemResponse(ProductSummaryResponse summary, double score)
        : base(summary)
    {
        Score = score;
    }

    /// <summary>Relevance to the search text: higher is better; comparable only within one search.</summary>
    public double Score { get; init; }
}
