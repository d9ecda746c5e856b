using Mercato.Catalog.Search.Index;
using Mercato.Platform.Auth;
using Mercato.Platform.Envelope;
using Mercato.Platform.Errors;
using Mercato.Platform.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Catalog.Search;

/// <summary><c>POST /api/v1/catalog/search/rebuild</c>: rebuilds this process's search index (Admin).</summary>
internal static class SearchRebuildApi
{
    /// <summary>Maps the rebuild endpoint.</summary>
    public static IEndpointRouteBuilder MapSearchRebuildApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.ModuleGroup(CatalogModule.Descriptor)
            .MapPost("/api/v1/catalog/search/rebuild", Rebuild)
            .WithTags("Products")
            .WithName("RebuildSearchIndex")
            .WithSummary("Rebuilds the product search index of this Catalog process into a fresh folder and swaps it in when done; searches keep being answered meanwhile (Admin)")
            .RequireAuthorization(MercatoPolicies.Admin);
        return endpoints;
    }

    private static Results<Accepted<ApiResponse<SearchRebuildResponse>>, ApiErrorResult> Rebuild(IServiceProvider services)
    {
        if (services.GetService<ProductSearchIndexer>() is not { } indexer)
        {
            return ApiResults.Conflict(ErrorCodes.Conflict, $"Catalog:Search:Engine is '{SearchOptions.Database}': there is no index to rebuild");
        }

        indexer.RequestRebuild();
        return TypedResults.Accepted((string?)null, ApiResults.Wrap(new SearchRebuildResponse(SearchOptions.Lucene, "rebuilding"), "The search index is being rebuilt"));
    }
}

/// <summary>The answer to a rebuild request.</summary>
/// <param name="Engine">The engine whose index is rebuilt.</param>
/// <param name="Status">Always <c>rebuilding</c>: the new index replaces the old one when it is built.</param>
internal sealed record SearchRebuildResponse(string Engine, string Status);
