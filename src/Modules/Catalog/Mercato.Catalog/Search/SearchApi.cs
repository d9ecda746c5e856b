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
        [AsParameters] SearchQuery query, IProductSearchEngine engine, CatalogDbContext db, CancellationToken cancellationToken)
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

        // The page's rows are read now, so prices and stock are current; a product hidden or
        // deleted since the index saw it is left out.
        var pageIds = found.Hits.Select(h => h.Id).ToList();
        var products = await db.Products.AsNoTracking()
            .Where(p => EF.Parameter(pageIds).Contains(p.Id) && p.Available && !p.IsDeleted)
            .ToDictionaryAsync(p => p.Id, cancellationToken);
        var categoryIds = found.CategoryCounts.Keys.Concat(products.Values.Select(p => p.CategoryId)).Distinct().ToList();
        var categories = await db.Categories.AsNoTracking().Where(c => EF.Parameter(categoryIds).Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);

        var items = found.Hits.Where(h => products.ContainsKey(h.Id))
            .Select(h => (Hit: h, Product: products[h.Id], Category: categories[products[h.Id].CategoryId]))
            .Select(x => new SearchItemResponse(
                ProductSummaryResponse.From(x.Product, new ProductCategoryResponse(x.Category.Id, x.Category.Name, x.Category.Slug)), x.Hit.Rank))
            .ToList();
        var facets = found.CategoryCounts
            .Where(c => categories.ContainsKey(c.Key))
            .Select(c => new CategoryFacet(c.Key, categories[c.Key].Name, categories[c.Key].Slug, (int)c.Value))
            .OrderByDescending(f => f.Count).ThenBy(f => f.Name, StringComparer.Ordinal)
            .ToList();
        var totalPages = (int)((found.TotalCount + pageSize - 1) / pageSize);
        return ApiResults.Ok(new SearchResultResponse(items, text, found.TotalCount, pageNumber, pageSize, totalPages, new SearchFacets(facets)));
    }
}
