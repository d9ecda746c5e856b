using Mercato.Ordering.Data;
using Mercato.Ordering.Orders;
using Mercato.Platform.Auth;
using Mercato.Platform.Envelope;
using Mercato.Platform.Errors;
using Mercato.Platform.Hosting;
using Mercato.Platform.OpenApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Ordering.Lifecycle;

/// <summary>
/// Changing orders (seed 004): the owner (or the guest with its cart key) or an administrator
/// cancels an order before it ships; administrators move it along with tracking details and
/// archive cancelled orders. Every move follows <see cref="OrderStateMachine"/>: any other answers 409.
/// </summary>
internal static class OrderLifecycleApi
{
    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapOrderLifecycleApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.ModuleGroup(OrderingModule.Descriptor)
            .MapGroup("/api/v1/orders")
            .WithTags("Orders");
        group.MapPost("/{id:guid}/cancel", CancelAsync).AllowAnonymous().AcceptsGuestCartKey(required: true).WithName("CancelOrder")
            .WithSummary("Cancels an order before it ships (owner, guest with its cart key, or administrator); its stock goes back and a paid order is refunded");
        group.MapPut("/{id:guid}/status", UpdateStatusAsync).RequireAdmin().WithName("UpdateOrderStatus")
            .WithSummary("Moves an order to processing, shipped, delivered, cancelled or refunded, with a note and tracking details (Admin)");
        group.MapDelete("/{id:guid}", ArchiveAsync).RequireAdmin().WithName("ArchiveOrder")
            .WithSummary("Archives a cancelled order: gone from listings, kept for audit (Admin)");
        return endpoints;
    }

    private static async Task<Results<Ok<ApiResponse<OrderResponse>>, ApiErrorResult>> CancelAsync(
        Guid id, CancelOrderRequest request, HttpContext context, OrderAccess access, OrderTransitions transitions, CancellationToken cancellationToken)
    {
        var (caller, error) = OrderCaller.From(context);
        if (error is not null)
        {
            return error;
        }

        if (await access.FindAsync(caller!, id, cancellationToken) is null)
        {
            return OrdersApi.NotFound();
        }

        var reason = string.IsNullOrWhiteSpace(request.Reason)
            ? caller!.IsAdmin ? "Cancelled by the shop" : "Cancelled by the customer"
            : request.Reason.Trim();
        var result = await transitions.MoveAsync(id, new StatusChange(OrderStatus.Cancelled, caller!.Actor, reason), null, cancellationToken);
        return Answer(result, "Order cancelled successfully");
    }

    private static async Task<Results<Ok<ApiResponse<OrderResponse>>, ApiErrorResult>> UpdateStatusAsync(
        Guid id, UpdateOrderStatusRequest request, HttpContext context, OrderTransitions transitions, CancellationToken cancellationToken)
    {
        var (caller, error) = OrderCaller.From(context);
        if (error is not null)
        {
            return error;
        }

        var change = new StatusChange(
            request.Target, caller!.Actor, Trimmed(request.Note), Trimmed(request.TrackingNumber), Trimmed(request.Carrier));
        var result = await transitions.MoveAsync(id, change, null, cancellationToken);
        return Answer(result, "Order status updated");
    }

    private static async Task<Results<NoContent, ApiErrorResult>> ArchiveAsync(
        Guid id, OrderingDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var order = await db.Orders.SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (order is null)
        {
            return OrdersApi.NotFound();
        }

        if (order.Status != OrderStatus.Cancelled)
        {
            return ApiResults.Conflict(
                ErrorCodes.Conflict, $"Order {order.Number} is {OrderStatusNames.Of(order.Status)}: only cancelled orders can be archived", "status");
        }

        if (!order.IsArchived)
        {
            order.IsArchived = true;
            order.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            order.Version++;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                // A cancelled order changes only by being refunded or archived; either way it is still cancelled or gone from listings.
                return ApiResults.Conflict(ErrorCodes.Conflict, $"Order {order.Number} changed meanwhile; try again", "status");
            }
        }

        return TypedResults.NoContent();
    }

    /// <summary>The HTTP answer of a status change.</summary>
    internal static Results<Ok<ApiResponse<OrderResponse>>, ApiErrorResult> Answer(TransitionResult result, string message) => result.Kind switch
    {
        TransitionKind.Moved or TransitionKind.AlreadyDone => ApiResults.Ok(OrderResponse.From(result.Order!), message),
        TransitionKind.NotFound => OrdersApi.NotFound(),
        _ => ApiResults.Conflict(ErrorCodes.Conflict, result.Refusal!, "status"),
    };

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
