using Mercato.Catalog.Data;
using Mercato.Platform.Errors;
using Mercato.Platform.Envelope;
using Mercato.Platform.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace Mercato.Catalog.Media;

/// <summary><c>GET /api/v1/catalog/media/products/{sku}.svg</c>: product pictures drawn by Mercato.</summary>
public static class MediaApi
{
    /// <summary>How long browsers and proxies may keep a picture: it depends only on the SKU and the name.</summary>
    public const string CacheControl = "public, max-age=604800";

    /// <summary>Maps the media endpoint.</summary>
    public static IEndpointRouteBuilder MapMediaApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.ModuleGroup(CatalogModule.Descriptor)
            .MapGet("/api/v1/catalog/media/products/{sku}.svg", GetProductImageAsync)
            .WithTags("Media")
            .WithName("GetProductImage")
            .WithSummary("A product's picture as SVG (colour from the SKU, the product's initials)")
            .AllowAnonymous();
        return endpoints;
    }

    private static async Task<Results<ContentHttpResult, ApiErrorResult>> GetProductImageAsync(
        string sku, HttpContext context, CatalogDbContext db, CancellationToken cancellationToken)
    {
        if (sku.Length > 64)
        {
            return ApiResults.BadRequest("sku", "sku must be at most 64 characters");
        }

        var name = await db.Products.AsNoTracking().Where(p => p.Sku == sku).Select(p => p.Name).SingleOrDefaultAsync(cancellationToken);
        if (name is null)
        {
            return ApiResults.NotFound($"No product with SKU '{sku}'");
        }

        context.Response.Headers[HeaderNames.CacheControl] = CacheControl;
        return TypedResults.Content(ProductImageSvg.Render(sku, name), "image/svg+xml; charset=utf-8");
    }
}
