using Mercato.Catalog.Caching;
using Mercato.Catalog.Categories;
using Mercato.Catalog.Data;
using Mercato.Catalog.Products;
using Mercato.Platform.Envelope;
using Mercato.Platform.Errors;
using Mercato.Platform.Hosting;
using Mercato.Platform.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Catalog.Search;

/// <summary><c>GET /api/v1/products/search</c>: full-text product search with category facets.</summary>
internal static class SearchApi
{
    /// <summary>Maps the search endpoint.</summary>
    public static IEndpointRouteBuilder MapSearchApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.ModuleGroup(CatalogModule.Descriptor)
            .MapGet("/api/v1/products/search", SearchAsync)
            .WithTags("Products")
            .WithName("SearchProducts")
            .WithSummary("Finds products by name, SKU, tags and description, best match first, with counts per category")
            .AllowAnonymous()
            .CacheableRead();
        return endpoints;
    }

    private static async Task<Results<Ok<ApiResponse<SearchResultResponse>>, ApiErrorResult>> SearchAsync(
        [AsParameters] SearchQuery query, IProductSearchEngine engine, CatalogDbContext db, CatalogReadCache cache, CancellationToken cancellationToken)
    {
        var errors = query.Validate();
        if (errors.Count > 0)
        {
            return ApiResults.Validation(errors);
        }

        var text = query.Q!.Trim();
        var pageNumber = query.PageNumber ?? 1;
        var pageSize = query.PageSize ?? PageRules.DefaultPageSize;
        var found = await engine.SearchAsync(text, pageNumber, pageSize, cancellationToken);

        // The page's products are current, whatever the index's age: each is read from the
        // database or from the read cache, which every write of the product evicts; a product
        // hidden or deleted since the index saw it is left out. Only the columns a list item shows
        // are read, and category names come from the cached tree (evicted by every category write).
        var tree = CategoryTree.Of(await cache.CategoriesAsync(db, cancellationToken));
        var products = await cache.SummariesAsync(
            [.. found.Hits.Select(h => h.Id)],
            async (ids, ct) => (await db.Products.AsNoTracking()
                    .Where(p => EF.Parameter(ids).Contains(p.Id) && p.Available && !p.IsDeleted)
                    .SelectSummary()
                    .ToListAsync(ct))
                .ToDictionary(p => p.Id, p => ProductSummaryResponse.From(p, ProductCategoryResponse.Of(tree, p.CategoryId))),
            cancellationToken);

        var items = found.Hits.Where(h => products.ContainsKey(h.Id))
            .Select(h => new SearchItemResponse(products[h.Id], h.Rank))
            .ToList();
        var facets = found.CategoryCounts
            .Select(c => (Category: tree.Find(c.Key), Count: c.Value))
            .Where(c => c.Category is not null)
            .Select(c => new CategoryFacet(c.Category!.Id, c.Category.Name, c.Category.Slug, (int)c.Count))
            .OrderByDescending(f => f.Count).ThenBy(f => f.Name, StringComparer.Ordinal)
            .ToList();
        var totalPages = (int)((found.TotalCount + pageSize - 1) / pageSize);
        return ApiResults.Ok(new SearchResultResponse(items, text, found.TotalCount, pageNumber, pageSize, totalPages, new SearchFacets(facets)));
    }
}
