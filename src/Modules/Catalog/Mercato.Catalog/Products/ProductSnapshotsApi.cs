using Mercato.Catalog.Contracts;
using Mercato.Catalog.Data;
using Mercato.Platform.Auth;
using Mercato.Platform.Envelope;
using Mercato.Platform.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Mercato.Catalog.Products;

/// <summary>
/// <c>POST /api/v1/catalog/products/snapshots</c>: what other services need to know of products
/// right now (service token with scope <c>catalog.read</c>). Unlike the shop's reads it reports
/// unpublished and deleted products, so a cart or order can tell a shopper what became unavailable.
/// </summary>
internal static class ProductSnapshotsApi
{
    /// <summary>Maps the endpoint.</summary>
    public static IEndpointRouteBuilder MapProductSnapshotsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.ModuleGroup(CatalogModule.Descriptor)
            .MapPost("/api/v1/catalog/products/snapshots", SnapshotsAsync)
            .WithTags("Product snapshots")
            .WithName("GetProductSnapshots")
            .WithSummary("Snapshots of products by id; unknown ids are left out, deleted products are reported unavailable (service)")
            .RequireScope(CatalogScopes.Read);
        return endpoints;
    }

    private static async Task<Ok<ApiResponse<List<ProductSnapshot>>>> SnapshotsAsync(
        ProductSnapshotsRequest request, CatalogDbContext db, CancellationToken cancellationToken)
        => ApiResults.Ok(await ProductSnapshots.LoadAsync(db, request.Ids!, cancellationToken));
}
