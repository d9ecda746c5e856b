using System.ComponentModel.DataAnnotations;
using Mercato.Catalog.Categories;
using Mercato.Catalog.Data;
using Mercato.Catalog.Products;
using Mercato.Platform.Errors;
using Mercato.Platform.Envelope;
using Mercato.Platform.Hosting;
using Mercato.Platform.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace Mercato.Catalog.Media;

/// <summary>
/// <c>GET /api/v1/catalog/media/products/{sku}.svg</c> and <c>/categories/{slug}.svg</c>:
/// pictures drawn by Mercato (see <see cref="MediaSvg"/>).
/// </summary>
internal static class MediaApi
{
    /// <summary>How long browsers and proxies may keep a picture (a week): it changes only with a rename.</summary>
    public const string CacheControl = "public, max-age=604800";

    /// <summary>Maps the media endpoint.</summary>
    public static IEndpointRouteBuilder MapMediaApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.ModuleGroup(CatalogModule.Descriptor)
            .MapGet("/api/v1/catalog/media/products/{sku}.svg", GetProductImageAsync)
            .WithTags("Media")
            .WithName("GetProductImage")
            .WithSummary("A product's picture as SVG (colour from the SKU, the product's initials)")
            .AllowAnonymous()
            .Produces(StatusCodes.Status200OK, contentType: MediaSvg.ContentType)
            .CacheableRead();
        endpoints.ModuleGroup(CatalogModule.Descriptor)
            .MapGet("/api/v1/catalog/media/categories/{slug}.svg", GetCategoryImageAsync)
            .WithTags("Media")
            .WithName("GetCategoryImage")
            .WithSummary("A category's picture as SVG (colour from the slug, the category's initials)")
            .AllowAnonymous()
            .Produces(StatusCodes.Status200OK, contentType: MediaSvg.ContentType)
            .CacheableRead();
        return endpoints;
    }

    private static async Task<Results<ContentHttpResult, ApiErrorResult>> GetProductImageAsync(
        [MaxLength(ProductFieldsValidator<ProductRequest>.MaxSkuLength)] string sku, HttpContext context, CatalogDbContext db, CancellationToken cancellationToken)
    {
        if (Slugs.RefuseLonger("sku", sku, ProductFieldsValidator<ProductRequest>.MaxSkuLength) is { } refused)
        {
            return refused;
        }

        var name = await db.Products.AsNoTracking().Where(p => p.Sku == sku).Select(p => p.Name).SingleOrDefaultAsync(cancellationToken);
        if (name is null)
        {
            return ApiResults.NotFound($"No product with SKU '{sku}'");
        }

        return Svg(context, sku, name);
    }

    private static async Task<Results<ContentHttpResult, ApiErrorResult>> GetCategoryImageAsync(
        [MaxLength(CategoryRequest.MaxSlugLength)] string slug, HttpContext context, CatalogDbContext db, CancellationToken cancellationToken)
    {
        if (Slugs.RefuseLonger("slug", slug, CategoryRequest.MaxSlugLength) is { } refused)
        {
            return refused;
        }

        var name = await db.Categories.AsNoTracking().Where(c => c.Slug == slug).Select(c => c.Name).SingleOrDefaultAsync(cancellationToken);
        if (name is null)
        {
            return ApiResults.NotFound($"No category with slug '{slug}'");
        }

        return Svg(context, slug, name);
    }

    private static ContentHttpResult Svg(HttpContext context, string key, string name)
    {
        context.Response.Headers[HeaderNames.CacheControl] = CacheControl;
        return TypedResults.Content(MediaSvg.Render(key, name), MediaSvg.ContentType + "; charset=utf-8");
    }
}
