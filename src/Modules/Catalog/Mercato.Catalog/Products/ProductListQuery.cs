using System.ComponentModel.DataAnnotations;
using Mercato.Catalog.Categories;
using Mercato.Platform.Envelope;
using Mercato.Platform.OpenApi;
using Microsoft.AspNetCore.Mvc;

namespace Mercato.Catalog.Products;

/// <summary>
/// Query of <c>GET /api/v1/products</c> and <c>GET /api/v1/categories/{id}/products</c>: seed 004's
/// names plus seed 000's aliases (<c>search</c>, <c>price_min</c>, <c>price_max</c>,
/// <c>discount_min</c>, <c>discount_max</c>). Prices filter what the shopper pays.
/// </summary>
internal sealed class ProductListQuery
{
    /// <summary>The largest page.</summary>
    public const int MaxPageSize = PageRules.MaxPageSize;

    /// <summary>The longest search text.</summary>
    public const int MaxTextLength = 200;

    /// <summary>The most tags asked for at once.</summary>
    public const int MaxTags = 20;

    /// <summary>The longest tag.</summary>
    public const int MaxTagLength = 40;

    /// <summary>The longest <see cref="Tags"/> text: <see cref="MaxTags"/> tags and their commas.</summary>
    public const int MaxTagsTextLength = MaxTags * (MaxTagLength + 1);

    /// <summary>The sort fields, in their canonical spelling.</summary>
    public static IReadOnlyList<string> SortFields { get; } = ["name", "price", "createdAt", "rating", "discount"];

    /// <summary>The sort orders.</summary>
    public static IReadOnlyList<string> SortOrders { get; } = ["asc", "desc"];

    /// <summary>1-based page (default 1).</summary>
    public int? PageNumber { get; init; }

    /// <summary>Products per page, 1-100 (default 20).</summary>
    public int? PageSize { get; init; }

    /// <summary>Category id or slug; its sub-categories are included.</summary>
    [MaxLength(CategoryRequest.MaxSlugLength)]
    public string? Category { get; init; }

    /// <summary>Lowest price paid.</summary>
    public decimal? MinPrice { get; init; }

    /// <summary>Highest price paid.</summary>
    public decimal? MaxPrice { get; init; }

    /// <summary>Seed 000's name of <see cref="MinPrice"/>.</summary>
    [FromQuery(Name = "price_min")]
    public decimal? PriceMin { get; init; }

    /// <summary>Seed 000's name of <see cref="MaxPrice"/>.</summary>
    [FromQuery(Name = "price_max")]
    public decimal? PriceMax { get; init; }

    /// <summary>Lowest discount percent.</summary>
    public decimal? MinDiscount { get; init; }

    /// <summary>Highest discount percent.</summary>
    public decimal? MaxDiscount { get; init; }

    /// <summary>Seed 000's name of <see cref="MinDiscount"/>.</summary>
    [FromQuery(Name = "discount_min")]
    public decimal? DiscountMin { get; init; }

    /// <summary>Seed 000's name of <see cref="MaxDiscount"/>.</summary>
    [FromQuery(Name = "discount_max")]
    public decimal? DiscountMax { get; init; }

    /// <summary>Published (true, the default) or unpublished (false) products.</summary>
    public bool? Available { get; init; }

    /// <summary>Only products a shopper can buy now (true) or cannot (false).</summary>
    public bool? InStock { get; init; }

    /// <summary>
    /// Only products with at most this many units to sell (on hand less reserved), 0 to
    /// <see cref="Stock.StockLimits.MaxUnits"/>: a dashboard's low-stock list.
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(0, Stock.StockLimits.MaxUnits)]
    public int? MaxStock { get; init; }

    /// <summary>Comma-separated tags; a product matches with any of them.</summary>
    [MaxLength(MaxTagsTextLength)]
    public string? Tags { get; init; }

    /// <summary>Case-insensitive text found in the name, SKU or description.</summary>
    [MaxLength(MaxTextLength)]
    public string? Q { get; init; }

    /// <summary>Seed 000's name of <see cref="Q"/>.</summary>
    [MaxLength(MaxTextLength)]
    public string? Search { get; init; }

    /// <summary>name, price, createdAt (default), rating or discount.</summary>
    [AllowedNames(typeof(ProductListQuery), nameof(SortFields))]
    public string? SortBy { get; init; }

    /// <summary>asc or desc (default desc for createdAt, asc otherwise).</summary>
    [AllowedNames(typeof(ProductListQuery), nameof(SortOrders))]
    public string? SortOrder { get; init; }

    /// <summary>The lowest price, from either name.</summary>
    public decimal? LowestPrice => MinPrice ?? PriceMin;

    /// <summary>The highest price, from either name.</summary>
    public decimal? HighestPrice => MaxPrice ?? PriceMax;

    /// <summary>The lowest discount, from either name.</summary>
    public decimal? LowestDiscount => MinDiscount ?? DiscountMin;

    /// <summary>The highest discount, from either name.</summary>
    public decimal? HighestDiscount => MaxDiscount ?? DiscountMax;

    /// <summary>The text searched for, from either name.</summary>
    public string? Text => string.IsNullOrWhiteSpace(Q ?? Search) ? null : (Q ?? Search)!.Trim();

    /// <summary>The tags asked for, in lower case.</summary>
    public List<string> TagList => string.IsNullOrWhiteSpace(Tags)
        ? []
        : [.. Tags.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(t => t.ToLowerInvariant()).Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// What the matches of this query depend on, in one canonical spelling (whichever parameter
    /// names were used), without the page and the sort: the key of its cached match count.
    /// </summary>
    /// <param name="categoryId">The category listed (with its sub-tree, which only a category write, evicting every count, can change), or null for all.</param>
    public string FilterKey(Guid? categoryId)
    {
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        var key = new System.Text.StringBuilder();
        key.Append("a=").Append(Available ?? true)
            .Append("&s=").Append(InStock?.ToString() ?? string.Empty)
            .Append("&m=").Append(MaxStock?.ToString(culture))
            .Append("&p=").Append(LowestPrice?.ToString(culture)).Append('-').Append(HighestPrice?.ToString(culture))
            .Append("&d=").Append(LowestDiscount?.ToString(culture)).Append('-').Append(HighestDiscount?.ToString(culture))
            .Append("&t=").Append(string.Join(',', TagList.Order(StringComparer.Ordinal)))
            .Append("&q=").Append(Text?.ToLowerInvariant())
            .Append("&c=").Append(categoryId?.ToString("N"));
        return key.ToString();
    }

    /// <summary>The sort field in its canonical spelling.</summary>
    public string SortField => SortFields.FirstOrDefault(f => string.Equals(f, SortBy, StringComparison.OrdinalIgnoreCase)) ?? "createdAt";

    /// <summary>Whether to sort descending.</summary>
    public bool Descending => SortOrder is null ? SortField == "createdAt" : string.Equals(SortOrder, "desc", StringComparison.OrdinalIgnoreCase);

    /// <summary>The errors of this query, empty when it is valid.</summary>
    public IReadOnlyList<ApiError> Validate()
    {
        var errors = new List<ApiError>();
        void Add(string field, string message) => errors.Add(new ApiError(ErrorCodes.ValidationError, message, field));
        PageRules.Check(PageNumber, PageSize, errors);
        CheckRange(Add, LowestPrice, HighestPrice, MinPrice is null ? "price_min" : "minPrice", MaxPrice is null ? "price_max" : "maxPrice", 1_000_000m);
        CheckRange(Add, LowestDiscount, HighestDiscount, MinDiscount is null ? "discount_min" : "minDiscount", MaxDiscount is null ? "discount_max" : "maxDiscount", 100m);
        if ((Q ?? Search) is { Length: > MaxTextLength })
        {
            Add(Q is null ? "search" : "q", $"The search text must be at most {MaxTextLength} characters");
        }

        if (MaxStock is < 0 or > Stock.StockLimits.MaxUnits)
        {
            Add("maxStock", $"maxStock must be between 0 and {Stock.StockLimits.MaxUnits}");
        }

        if (Category is { Length: > CategoryRequest.MaxSlugLength })
        {
            Add("category", $"category must be a category id or a slug of at most {CategoryRequest.MaxSlugLength} characters");
        }

        if (Tags is { Length: > MaxTagsTextLength } || TagList.Count > MaxTags || TagList.Any(t => t.Length > MaxTagLength))
        {
            Add("tags", $"At most {MaxTags} tags of at most {MaxTagLength} characters each");
        }

        if (SortBy is not null && !SortFields.Contains(SortBy, StringComparer.OrdinalIgnoreCase))
        {
            Add("sortBy", $"sortBy must be one of {string.Join(", ", SortFields)}");
        }

        if (SortOrder is not null && !SortOrders.Contains(SortOrder, StringComparer.OrdinalIgnoreCase))
        {
            Add("sortOrder", "sortOrder must be asc or desc");
        }

        return errors;
    }

    private static void CheckRange(Action<string, string> add, decimal? low, decimal? high, string lowField, string highField, decimal limit)
    {
        if (low is < 0 || low > limit)
        {
            add(lowField, $"{lowField} must be between 0 and {limit}");
        }

        if (high is < 0 || high > limit)
        {
            add(highField, $"{highField} must be between 0 and {limit}");
        }

        if (low is not null && high is not null && low > high)
        {
            add(highField, $"{highField} must not be below {lowField}");
        }
    }
}
