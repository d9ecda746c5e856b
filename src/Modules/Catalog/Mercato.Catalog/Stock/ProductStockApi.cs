using System.Security.Claims;
using Mercato.Catalog.Data;
using Mercato.Platform.Auth;
using Mercato.Platform.Envelope;
using Mercato.Platform.Errors;
using Mercato.Platform.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Catalog.Stock;

/// <summary>
/// Product stock: the public lookup (<c>POST /api/v1/products/stock</c>) and the administrators'
/// count, adjustments and ledger under <c>/api/v1/products/{id}/stock</c>.
/// </summary>
internal static class ProductStockApi
{
    /// <summary>Maps the product stock endpoints.</summary>
    public static IEndpointRouteBuilder MapProductStockApi(this IEndpointRouteBuilder endpoints)
    {
        var products = endpoints.ModuleGroup(CatalogModule.Descriptor).MapGroup("/api/v1/products").WithTags("Stock");
        products.MapPost("/stock", LookupAsync).WithName("GetProductsStock")
            .WithSummary("Available stock of products; unknown, deleted and unpublished ids are left out (seed 001)");

        var admin = products.MapGroup("/{id:guid}/stock").RequireAdmin();
        admin.MapPut("/", SetAsync).WithName("SetProductStock").WithSummary("Sets the units on hand after a count (Admin)");
        admin.MapPost("/adjustments", AdjustAsync).WithName("AdjustProductStock").WithSummary("Adds or removes units on hand (Admin)");
        admin.MapGet("/ledger", LedgerAsync).WithName("GetProductStockLedger").WithSummary("Every stock movement of a product, newest first (Admin)");
        return endpoints;
    }

    private static async Task<Ok<ApiResponse<List<ProductStockResponse>>>> LookupAsync(
        StockLookupRequest request, CatalogDbContext db, CancellationToken cancellationToken)
    {
        var ids = request.Ids!.Distinct().ToList();
        var found = await db.Products.AsNoTracking()
            .Where(p => ids.Contains(p.Id) && !p.IsDeleted && p.Available)
            .Select(p => new { p.Id, p.OnHand, p.Reserved })
            .ToDictionaryAsync(p => p.Id, cancellationToken);
        var items = ids.Where(found.ContainsKey)
            .Select(id => new StockFigures(id, found[id].OnHand, found[id].Reserved))
            .Select(f => new ProductStockResponse(f.ProductId, f.Available, f.Available > 0))
            .ToList();
        return ApiResults.Ok(items);
    }

    private static async Task<Results<Ok<ApiResponse<StockFiguresResponse>>, ApiErrorResult>> SetAsync(
        Guid id, SetStockRequest request, ClaimsPrincipal principal, StockService stock, CancellationToken cancellationToken)
        => Answer(await stock.SetOnHandAsync(id, request.Stock!.Value, request.Reason!.Trim(), StockActor.Of(principal), cancellationToken), id, "stock");

    private static async Task<Results<Ok<ApiResponse<StockFiguresResponse>>, ApiErrorResult>> AdjustAsync(
        Guid id, AdjustStockRequest request, ClaimsPrincipal principal, StockService stock, CancellationToken cancellationToken)
        => Answer(await stock.AdjustAsync(id, request.Change!.Value, request.Reason!.Trim(), StockActor.Of(principal), cancellationToken), id, "change");

    private static async Task<Results<Ok<ApiResponse<PagedResult<LedgerEntryResponse>>>, ApiErrorResult>> LedgerAsync(
        Guid id, [AsParameters] LedgerQuery query, CatalogDbContext db, CancellationToken cancellationToken)
    {
        var errors = query.Validate();
        if (errors.Count > 0)
        {
            return ApiResults.Validation(errors);
        }

        if (!await db.Products.AnyAsync(p => p.Id == id, cancellationToken))
        {
            return ApiResults.NotFound($"Product '{id}' not found");
        }

        var pageNumber = query.PageNumber ?? 1;
        var pageSize = query.PageSize ?? 20;
        var entries = db.StockLedger.AsNoTracking().Where(l => l.ProductId == id);
        var total = await entries.LongCountAsync(cancellationToken);
        var page = await entries
            .OrderByDescending(l => l.CreatedAt).ThenByDescending(l => l.Id)
            .Skip((pageNumber - 1) * pageSize).Take(pageSize)
            .ToListAsync(cancellationToken);
        return ApiResults.Ok(new PagedResult<LedgerEntryResponse>([.. page.Select(LedgerEntryResponse.From)], pageNumber, pageSize, total));
    }

    private static Results<Ok<ApiResponse<StockFiguresResponse>>, ApiErrorResult> Answer(StockChangeOutcome outcome, Guid id, string field)
        => outcome.Status == StockChangeStatus.Changed
            ? ApiResults.Ok(StockFiguresResponse.From(outcome.Figures!), "Stock updated")
            : Refusal(outcome, id, field);

    /// <summary>The answer to a stock change that did not happen: 404, or 409 naming <paramref name="field"/>.</summary>
    internal static ApiErrorResult Refusal(StockChangeOutcome outcome, Guid id, string field)
        => outcome.Status switch
        {
            StockChangeStatus.NotFound => ApiResults.NotFound($"Product '{id}' not found"),
            StockChangeStatus.BelowReserved => ApiResults.Conflict(
                ErrorCodes.Conflict,
                $"On hand cannot fall below the {outcome.Figures!.Reserved} reserved units (on hand now {outcome.Figures.OnHand})",
                field),
            _ => ApiResults.Conflict(ErrorCodes.Conflict, "The stock kept changing; try again", field),
        };
}
