using System.ComponentModel.DataAnnotations;
using Mercato.Catalog.Caching;
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

/// <summary><c>GET /api/v1/products/{idOrSlug}</c>: one product in seed 004's detail shape.</summary>
internal static class ProductDetailsApi
{
    /// <summary>Maps the product detail endpoint.</summary>
    public static IEndpointRouteBuilder MapProductDetailsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.ModuleGroup(CatalogModule.Descriptor)
            .MapGet("/api/v1/products/{idOrSlug}", GetAsync)
            .WithTags("Products")
            .WithName("GetProduct")
            .WithSummary("One product (by id or slug) with its specifications, related products and latest reviews")
            .AllowAnonymous()
            .WithConditionalGet()
            .CacheableRead();
        return endpoints;
    }

    private static async Task<Results<Ok<ApiResponse<ProductResponse>>, ApiErrorResult>> GetAsync(
        [MaxLength(ProductFieldsValidator<ProductRequest>.MaxSlugLength)] string idOrSlug, CatalogDbContext db, CatalogReadCache cache, CancellationToken cancellationToken)
    {
        if (Slugs.RefuseLonger("idOrSlug", idOrSlug, ProductFieldsValidator<ProductRequest>.MaxSlugLength) is { } refused)
        {
            return refused;
        }

        // The product and its reviews are two statements on one connection, opened once.
        await using var connection = await HeldConnection.OpenAsync(db.Database, cancellationToken);
        var product = await ProductDetails.FindShownAsync(db, idOrSlug, cancellationToken);
        return product is null
            ? ApiResults.NotFound($"Product '{idOrSlug}' not found")
            : ApiResults.Ok(await ProductDetails.LoadAsync(db, cache, product, cancellationToken));
    }
}
