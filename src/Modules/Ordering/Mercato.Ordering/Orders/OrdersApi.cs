using Mercato.Ordering.Data;
using Mercato.Platform.Envelope;
using Mercato.Platform.Errors;
using Mercato.Platform.Hosting;
using Mercato.Platform.OpenApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Ordering.Orders;

/// <summary>
/// Reading orders (seed 004): <c>GET /api/v1/orders</c> lists the caller's orders (a guest's by
/// their cart key, everyone's for an administrator) and <c>GET /api/v1/orders/{id}</c> shows one.
/// Someone else's order answers 404, as an unknown one does.
/// </summary>
internal static class OrdersApi
{
    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapOrdersApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.ModuleGroup(OrderingModule.Descriptor)
            .MapGroup("/api/v1/orders")
            .WithTags("Orders")
            .AllowAnonymous()
            .AcceptsGuestCartKey(required: true);
        group.MapGet("/", ListAsync).WithName("ListOrders")
            .WithSummary("The caller's orders, newest first (a guest's with X-Cart-Key; everyone's for an administrator)");
        group.MapGet("/{id:guid}", GetAsync).WithName("GetOrder")
            .WithSummary("One order with its lines and status history (owner, guest with its cart key, or administrator)");
        return endpoints;
    }

    private static async Task<Results<Ok<ApiResponse<PagedResult<OrderSummaryResponse>>>, ApiErrorResult>> ListAsync(
        [AsParameters] OrderListQuery query, HttpContext context, OrderingDbContext db, CancellationToken cancellationToken)
    {
        var (caller, error) = OrderCaller.From(context);
        if (error is not null)
        {
            return error;
        }

        var errors = query.Validate(caller!.IsAdmin);
        if (errors.Count > 0)
        {
            return ApiResults.Validation(errors);
        }

        var pageNumber = query.PageNumber ?? 1;
        var pageSize = query.PageSize ?? OrderListQuery.DefaultPageSize;
        // Listings leave archived orders out, for administrators too.
        var orders = query.Apply(caller.Visible(db.Orders.AsNoTracking()).Where(o => !o.IsArchived));
        var total = await orders.LongCountAsync(cancellationToken);
        var page = await orders
            .OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.Number)
            .Skip((pageNumber - 1) * pageSize).Take(pageSize)
            .Select(o => new { o.Id, o.Number, o.Status, Units = o.Lines.Sum(l => l.Quantity), o.Total, Paid = o.PaidAt != null, o.CreatedAt })
            .ToListAsync(cancellationToken);
        return ApiResults.Ok(new PagedResult<OrderSummaryResponse>(
            [.. page.Select(o => new OrderSummaryResponse(o.Id, o.Number, OrderStatusNames.Of(o.Status), o.Units, o.Total, o.Paid, o.CreatedAt))],
            pageNumber,
            pageSize,
            total));
    }

    private static async Task<Results<Ok<ApiResponse<OrderResponse>>, ApiErrorResult>> GetAsync(
        Guid id, HttpContext context, OrderAccess access, CancellationToken cancellationToken)
    {
        var (caller, error) = OrderCaller.From(context);
        if (error is not null)
        {
            return error;
        }

        var order = await access.FindAsync(caller!, id, cancellationToken);
        return order is null ? NotFound() : ApiResults.Ok(OrderResponse.From(order));
    }

    /// <summary>The one answer for an order that does not exist for the caller.</summary>
    internal static ApiErrorResult NotFound() => ApiResults.NotFound("Order not found");
}
