using System.Security.Claims;
using Mercato.Catalog.Client;
using Mercato.Catalog.Contracts;
using Mercato.Platform.Auth;
using Mercato.Platform.Envelope;
using Mercato.Platform.Errors;
using Mercato.Platform.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Mercato.Catalog.Stock;

/// <summary>Stock reservations for other services (service token with scope <c>catalog.stock</c>): <c>/api/v1/catalog/reservations</c>.</summary>
internal static class ReservationsApi
{
    /// <summary>Maps the reservation endpoints.</summary>
    public static IEndpointRouteBuilder MapReservationsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.ModuleGroup(CatalogModule.Descriptor)
            .MapGroup("/api/v1/catalog/reservations")
            .WithTags("Stock reservations")
            .RequireScope(CatalogScopes.Stock);
        group.MapPost("/", ReserveAsync).WithName("ReserveStock").WithSummary("Holds stock for an order, all lines or none; idempotent per order id (service)");
        group.MapGet("/{orderId:guid}", GetAsync).WithName("GetReservation").WithSummary("An order's reservation (service)");
        group.MapPost("/{orderId:guid}/commit", CommitAsync).WithName("CommitReservation").WithSummary("Turns held units into a sale; idempotent (service)");
        group.MapPost("/{orderId:guid}/release", ReleaseAsync).WithName("ReleaseReservation").WithSummary("Gives held units back; idempotent (service)");
        group.MapPost("/{orderId:guid}/rehold", ReholdAsync).WithName("ReholdReservation")
            .WithSummary("Holds again, all lines or none, the stock a cancelled order gave back (its late payment revives it); idempotent (service)");
        return endpoints;
    }

    private static async Task<Results<Created<ApiResponse<ReservationResponse>>, Ok<ApiResponse<ReservationResponse>>, ApiErrorResult>> ReserveAsync(
        ReserveRequest request, ClaimsPrincipal principal, StockService stock, CancellationToken cancellationToken)
    {
        var lines = request.Lines!.Select(l => new ReservationLine(l.ProductId!.Value, l.Quantity!.Value)).ToList();
        var hold = request.HoldForSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null;
        var outcome = await stock.ReserveAsync(new ReserveStockRequest(request.OrderId!.Value, lines, hold), StockActor.Of(principal), cancellationToken);
        return outcome.Status switch
        {
            ReserveStatus.Reserved => ApiResults.Created(
                $"/api/v1/catalog/reservations/{request.OrderId}", ReservationResponse.From(outcome.Lines), "Stock reserved"),
            ReserveStatus.Replayed => ApiResults.Ok(ReservationResponse.From(outcome.Lines), "Stock already reserved for this order"),
            ReserveStatus.Insufficient => Shortage(outcome.Shortages, lines),
            _ => ApiResults.Conflict(ErrorCodes.Conflict, "This order already holds a reservation with other lines", "lines"),
        };
    }

    private static async Task<Results<Ok<ApiResponse<ReservationResponse>>, ApiErrorResult>> GetAsync(
        Guid orderId, StockService stock, CancellationToken cancellationToken)
    {
        var lines = await stock.LinesOfAsync(orderId, cancellationToken);
        return lines.Count == 0
            ? ApiResults.NotFound($"No reservation for order '{orderId}'")
            : ApiResults.Ok(ReservationResponse.From(lines));
    }

    private static async Task<Results<Ok<ApiResponse<ReservationResponse>>, ApiErrorResult>> CommitAsync(
        Guid orderId, ClaimsPrincipal principal, StockService stock, CancellationToken cancellationToken)
        => Answer(await stock.CommitAsync(orderId, StockActor.Of(principal), cancellationToken), orderId, "Reservation committed");

    private static async Task<Results<Ok<ApiResponse<ReservationResponse>>, ApiErrorResult>> ReleaseAsync(
        Guid orderId, ClaimsPrincipal principal, StockService stock, CancellationToken cancellationToken)
        => Answer(await stock.ReleaseAsync(orderId, StockActor.Of(principal), cancellationToken), orderId, "Reservation released");

    private static async Task<Results<Ok<ApiResponse<ReservationResponse>>, ApiErrorResult>> ReholdAsync(
        Guid orderId, ReholdRequest request, ClaimsPrincipal principal, StockService stock, IOptions<StockOptions> options, CancellationToken cancellationToken)
    {
        var hold = request.HoldForSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : options.Value.HoldFor;
        var outcome = await stock.ReholdAsync(orderId, hold, StockActor.Of(principal), cancellationToken);
        return outcome.Status switch
        {
            ReholdStatus.Held => ApiResults.Ok(ReservationResponse.From(outcome.Lines), "Stock held again"),
            ReholdStatus.NotFound => ApiResults.NotFound($"No reservation for order '{orderId}'"),
            ReholdStatus.Insufficient => Shortage(outcome.Shortages, [.. outcome.Lines.Select(l => new ReservationLine(l.ProductId, l.Quantity))]),
            ReholdStatus.NotReleasedYet => ApiResults.Conflict(
                ReholdErrors.StillHeld, "The order's stock is still held from before its cancellation; ask again once the Catalog has released it"),
            _ => ApiResults.Conflict(ErrorCodes.Conflict, $"The reservation is already {ReservationResponse.From(outcome.Lines).Status}: it cannot be held again"),
        };
    }

    private static Results<Ok<ApiResponse<ReservationResponse>>, ApiErrorResult> Answer(TransitionOutcome outcome, Guid orderId, string message)
        => outcome.Status switch
        {
            TransitionStatus.Done => ApiResults.Ok(ReservationResponse.From(outcome.Lines), message),
            TransitionStatus.NotFound => ApiResults.NotFound($"No reservation for order '{orderId}'"),
            _ => ApiResults.Conflict(
                ErrorCodes.Conflict,
                $"The reservation is already {ReservationResponse.From(outcome.Lines).Status}"),
        };

    private static ApiErrorResult Shortage(IReadOnlyList<StockShortage> shortages, List<ReservationLine> lines)
        => StockShortageErrors.Answer(shortages, id => ($"lines[{lines.FindIndex(l => l.ProductId == id)}].quantity", $"Product '{id}'"));
}
