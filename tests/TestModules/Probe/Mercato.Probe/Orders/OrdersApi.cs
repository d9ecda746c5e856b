using Mercato.Platform.Envelope;
using Mercato.Platform.Errors;
using Mercato.Platform.Idempotency;
using Mercato.Probe.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Probe.Orders;

/// <summary>Orders: a creation endpoint guarded by <c>Idempotency-Key</c>.</summary>
public static class OrdersApi
{
    /// <summary>
    /// Request header that makes the create handler fail after binding, to show that a failed
    /// request frees its key: <c>throw</c> (unhandled exception, 500) or <c>503</c> (an error result).
    /// It is not part of the request hash, so the retry without it is "the same request".
    /// </summary>
    public const string FailHeader = "X-Probe-Fail";

    /// <summary>Maps the orders endpoints.</summary>
    public static IEndpointRouteBuilder MapOrdersApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/probe").WithTags("Probe");
        group.MapPost("/orders", CreateAsync)
            .WithIdempotency<ProbeDbContext>(required: true)
            .WithName("CreateProbeOrder")
            .WithSummary("Creates an order; Idempotency-Key required");
        group.MapPost("/quick-orders", CreateAsync)
            .WithIdempotency<ProbeDbContext>()
            .WithName("CreateQuickProbeOrder")
            .WithSummary("Creates an order; Idempotency-Key optional");
        group.MapGet("/orders", ListAsync).WithName("ListProbeOrders").WithSummary("Lists the orders with a reference");
        group.MapGet("/orders/{number:long}", GetAsync).WithName("GetProbeOrder").WithSummary("Reads an order");
        return endpoints;
    }

    private static async Task<Results<Created<ApiResponse<OrderResponse>>, ApiErrorResult>> CreateAsync(
        CreateOrderRequest request,
        [FromHeader(Name = FailHeader)] string? fail,
        ProbeDbContext db,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (request.DelayMs > 0)
        {
            await Task.Delay(request.DelayMs, cancellationToken);
        }

        switch (fail)
        {
            case "throw":
                throw new InvalidOperationException("Probe order creation failed on request");
            case "503":
                return ApiResults.Error(StatusCodes.Status503ServiceUnavailable, ErrorCodes.ServiceUnavailable, "The order service is unavailable");
        }

        var order = new Order
        {
            Reference = request.Reference!,
            Item = request.Item!,
            Quantity = request.Quantity,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.Orders.Add(order);
        await db.SaveChangesAsync(cancellationToken);
        return ApiResults.Created($"/api/v1/probe/orders/{order.Number}", OrderResponse.From(order), "Order created");
    }

    private static async Task<Ok<ApiResponse<OrderResponse[]>>> ListAsync(
        string reference, ProbeDbContext db, CancellationToken cancellationToken)
    {
        var orders = await db.Orders.AsNoTracking()
            .Where(o => o.Reference == reference)
            .OrderBy(o => o.Number)
            .ToListAsync(cancellationToken);
        return ApiResults.Ok(orders.Select(OrderResponse.From).ToArray());
    }

    private static async Task<Results<Ok<ApiResponse<OrderResponse>>, ApiErrorResult>> GetAsync(
        long number, ProbeDbContext db, CancellationToken cancellationToken)
    {
        var order = await db.Orders.FindAsync([number], cancellationToken);
        return order is null
            ? ApiResults.NotFound($"Order {number} not found")
            : ApiResults.Ok(OrderResponse.From(order));
    }
}
