using System.ComponentModel.DataAnnotations;
using Mercato.Catalog.Caching;
using Mercato.Catalog.Categories;
using Mercato.Catalog.Data;
using Mercato.Platform.Envelope;
using Mercato.Platform.Errors;
using Mercato.Platform.Hosting;
using Mercato.Platform.Persistence;
using Mercato.Platform.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Catalog.Products;

/// <summary><c>GET /api/v1/products</c> and <c>GET /api/v1/categories/{id}/products</c>: filtered, sorted pages of products.</summary>
internal static class ProductListApi
{
    /// <summary>Maps the product list endpoints.</summary>
    public static IEndpointRouteBuilder MapProductListApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.ModuleGroup(CatalogModule.Descriptor).WithTags("Products");
        group.MapGet("/api/v1/products", ListAsync).WithName("ListProducts")
            .WithSummary("Products, filtered (category, price, discount, availability, stock, tags, text), sorted and paginated").AllowAnonymous().WithConditionalGet().CacheableRead();
        group.MapGet("/api/v1/categories/{idOrSlug}/products", ListOfCategoryAsync).WithName("ListCategoryProducts")
            .WithSummary("The products of a category and its sub-categories, with every product filter").AllowAnonymous().WithConditionalGet().CacheableRead();
        return endpoints;
    }

    private static async Task<Results<Ok<ApiResponse<PagedResult<ProductSummaryResponse>>>, ApiErrorResult>> ListAsync(
        [AsParameters] ProductListQuery query, CatalogDbContext db, CatalogReadCache cache, CancellationToken cancellationToken)
    {
        var errors = query.Validate();
        if (errors.Count > 0)
        {
            return ApiResults.Validation(errors);
        }

        await using var connection = await HeldConnection.OpenAsync(db.Database, cancellationToken);
        var tree = CategoryTree.Of(await cache.CategoriesAsync(db, cancellationToken));
        return await PageAsync(query, tree, query.Category, "category", db, cache, cancellationToken);
    }

    private static async Task<Results<Ok<ApiResponse<PagedResult<ProductSummaryResponse>>>, ApiErrorResult>> ListOfCategoryAsync(
        [MaxLength(CategoryRequest.MaxSlugLength)] string idOrSlug, [AsParameters] ProductListQuery query, CatalogDbContext db, CatalogReadCache cache, CancellationToken cancellationToken)
    {
        if (Slugs.RefuseLonger("idOrSlug", idOrSlug, CategoryRequest.MaxSlugLength) is { } refused)
        {
            return refused;
        }

        await using var connection = await HeldConnection.OpenAsync(db.Database, cancellationToken);
        var tree = CategoryTree.Of(await cache.CategoriesAsync(db, cancellationToken));
        if (tree.FindByIdOrSlug(idOrSlug) is null)
        {
            return ApiResults.NotFound($"Category '{idOrSlug}' not found");
        }

        var errors = query.Validate();
        return errors.Count > 0
            ? ApiResults.Validation(errors)
            : await PageAsync(query, tree, idOrSlug, null, db, cache, cancellationToken);
    }

    private static async Task<Results<Ok<ApiResponse<PagedResult<ProductSummaryResponse>>>, ApiErrorResult>> PageAsync(
        ProductListQuery query, CategoryTree tree, string? category, string? categoryField, CatalogDbContext db, CatalogReadCache cache,
        CancellationToken cancellationToken)
    {
        var products = db.Products.AsNoTracking().Where(p => !p.IsDeleted);
        Guid? categoryId = null;
        List<Guid>? ids = null;
        if (category is not null)
        {
            if (tree.FindByIdOrSlug(category) is not { } found)
            {
                return ApiResults.BadRequest(categoryField ?? "category", $"Category '{category}' not found");
            }

            // One array parameter (SQLite json_each, PostgreSQL = ANY) rather than EF's default of
            // one parameter per id: the SQL text then no longer depends on how many categories the
            // sub-tree has, so EF caches it instead of generating it again on every request.
            categoryId = found.Id;
            ids = tree.SelfAndDescendants(found.Id);
            products = products.Where(p => EF.Parameter(ids).Contains(p.CategoryId));
        }

        products = Filter(products, query, out var narrowed);
        var pageNumber = query.PageNumber ?? 1;
        var pageSize = query.PageSize ?? 20;
        // Counting every match is the dearest part of a large list: a list of categories alone sums
        // the counts the database keeps per category instead, and with the read cache on every page
        // and sort of the same filter shares one total while no write has changed what lists hold.
        var total = await cache.ListCountAsync(
            query.FilterKey(categoryId),
            query.MaxStock is not null,
            narrowed ? products.LongCountAsync : token => CountShownAsync(db, query.Available ?? true, ids, token),
            cancellationToken);

        // Two steps in one statement: the page's ids are found on the covering list indexes
        // (see CatalogDbContext) without reading a single product row, then only those rows
        // are read, and only the columns a list item shows (never the long description or the
        // specifications). Sorting and skipping whole rows would read every match first.
        var pageIds = PageIds(products, query, (pageNumber - 1) * pageSize, pageSize, total);
        var page = await Sort(db.Products.AsNoTracking().Where(p => pageIds.Contains(p.Id)), query.SortField, query.Descending)
            .SelectSummary()
            .ToListAsync(cancellationToken);
        var items = page.Select(p => ProductSummaryResponse.From(
            p, ProductCategoryResponse.Of(tree, p.CategoryId))).ToList();
        return ApiResults.Ok(new PagedResult<ProductSummaryResponse>(items, pageNumber, pageSize, total));
    }

    /// <summary>
    /// How many shown products with that availability the categories <paramref name="ids"/> (every
    /// category when null) hold: a sum of the rows the database's triggers keep (see <see cref="ProductListCount"/>).
    /// </summary>
    private static Task<long> CountShownAsync(CatalogDbContext db, bool available, List<Guid>? ids, CancellationToken cancellationToken)
    {
        var counts = db.ListCounts.Where(c => c.Available == available);
        if (ids is not null)
        {
            counts = counts.Where(c => EF.Parameter(ids).Contains(c.CategoryId));
        }

        return counts.SumAsync(c => c.Count, cancellationToken);
    }

    /// <summary>
    /// The products that pass the query's filters. <paramref name="narrowed"/> tells whether any
    /// filter but the availability applied: only a list that is not narrowed can take its total from
    /// the kept counts (see <see cref="ProductListCount"/>).
    /// </summary>
    private static IQueryable<Product> Filter(IQueryable<Product> products, ProductListQuery query, out bool narrowed)
    {
        var available = query.Available ?? true;
        var byAvailability = products.Where(p => p.Available == available);
        products = byAvailability;
        if (query.LowestPrice is { } lowPrice)
        {
            products = products.Where(p => p.Price >= lowPrice);
        }

        if (query.HighestPrice is { } highPrice)
        {
            products = products.Where(p => p.Price <= highPrice);
        }

        if (query.LowestDiscount is { } lowDiscount)
        {
            products = products.Where(p => p.DiscountPercent >= lowDiscount);
        }

        if (query.HighestDiscount is { } highDiscount)
        {
            products = products.Where(p => p.DiscountPercent <= highDiscount);
        }

        if (query.InStock is { } inStock)
        {
            products = inStock ? products.Where(p => p.OnHand - p.Reserved > 0) : products.Where(p => p.OnHand - p.Reserved <= 0);
        }

        if (query.MaxStock is { } maxStock)
        {
            products = products.Where(p => p.OnHand - p.Reserved <= maxStock);
        }

        var tags = query.TagList;
        if (tags.Count > 0)
        {
            // One array parameter, as for the categories: the SQL stays the same for any number of tags.
            products = products.Where(p => p.Tags.Any(t => EF.Parameter(tags).Contains(t)));
        }

        if (query.Text is { } text)
        {
            var lower = text.ToLowerInvariant();
#pragma warning disable CA1862 // EF Core translates ToLower().Contains to SQL; the StringComparison overload is not translatable.
            products = products.Where(p => p.Name.ToLower().Contains(lower) || p.Sku.ToLower().Contains(lower) || p.Description.ToLower().Contains(lower));
#pragma warning restore CA1862
        }

        narrowed = !ReferenceEquals(products, byAvailability);
        return products;
    }

    /// <summary>
    /// The ids of the page's products. A page in the back half of the <paramref name="total"/>
    /// matches is found from the other end, in the reversed order (every sort ends with the id, so
    /// the reversed order is exactly the order read backwards), skipping the matches that come
    /// after it: no page steps over more than half the matches, and the last page of 95,000 steps
    /// over none instead of 94,980.
    /// </summary>
    private static IQueryable<Guid> PageIds(IQueryable<Product> products, ProductListQuery query, int offset, int pageSize, long total)
    {
        if (offset < total && offset > total / 2)
        {
            var after = total - offset - pageSize;
            return Sort(products, query.SortField, !query.Descending)
                .Skip((int)Math.Max(after, 0))
                .Take(after < 0 ? pageSize + (int)after : pageSize)
                .Select(p => p.Id);
        }

        return Sort(products, query.SortField, query.Descending).Skip(offset).Take(pageSize).Select(p => p.Id);
    }

    private static IQueryable<Product> Sort(IQueryable<Product> products, string field, bool descending)
    {
        IOrderedQueryable<Product> sorted = field switch
        {
            "name" => descending ? products.OrderByDescending(p => p.Name) : products.OrderBy(p => p.Name),
            "price" => descending ? products.OrderByDescending(p => p.Price) : products.OrderBy(p => p.Price),
            "discount" => descending ? products.OrderByDescending(p => p.DiscountPercent) : products.OrderBy(p => p.DiscountPercent),
            "rating" => descending
                ? products.OrderByDescending(p => p.ReviewCount == 0 ? 0.0 : (double)p.RatingTotal / p.ReviewCount)
                : products.OrderBy(p => p.ReviewCount == 0 ? 0.0 : (double)p.RatingTotal / p.ReviewCount),
            _ => descending ? products.OrderByDescending(p => p.CreatedAt) : products.OrderBy(p => p.CreatedAt),
        };
        return descending ? sorted.ThenByDescending(p => p.Id) : sorted.ThenBy(p => p.Id);
    }
}
