using Mercato.Ordering.Contracts;
using Mercato.Ordering.Lifecycle;
using Mercato.Ordering.Orders;
using Mercato.Ordering.Revival;
using Mercato.Platform.Auth;
using Mercato.Platform.Envelope;
using Mercato.Platform.Errors;
using Mercato.Platform.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using System.Security.Claims;

namespace Mercato.Ordering.Payments;

/// <summary>
/// Orders for other services (service tokens): <c>/api/v1/orders/service</c>. Read any order by id
/// (scope <c>ordering.read</c>, seed 000's service read) and record its payment (scope
/// <c>ordering.payments</c>, seed 000's service update): the only ways besides the payment events
/// that an order becomes paid. With the same scope, Payments revives an order that expired before
/// its payment arrived.
/// </summary>
internal static class ServiceOrdersApi
{
    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapServiceOrdersApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.ModuleGroup(OrderingModule.Descriptor)
            .MapGroup("/api/v1/orders/service")
            .WithTags("Orders (service)");
        group.MapGet("/{id:guid}", GetAsync).RequireScope(OrderingScopes.Read).WithName("GetOrderForService")
            .WithSummary("Any order by id with its lines, contact and payment state (service)");
        group.MapGet("/{id:guid}/billing", GetBillingAsync).RequireScope(OrderingScopes.Read).WithName("GetOrderBillingForService")
            .WithSummary("What Payments needs of an order: owner, status, total and payment deadline (service)");
        group.MapGet("/{id:guid}/details", GetDetailsAsync).RequireScope(OrderingScopes.Read).WithName("GetOrderDetailsForService")
            .WithSummary("An order as a message about it shows it: contact, lines as sold, totals, address and tracking (service)");
        group.MapGet("/pending", FindLatestPendingAsync).RequireScope(OrderingScopes.Read).WithName("FindLatestPendingOrderForService")
            .WithSummary("The newest order still waiting for payment of a customer (userId) or a guest (X-Guest-Key-Hash) (service)");
        group.MapPut("/{id:guid}/payment", RecordPaymentAsync).RequireScope(OrderingScopes.Payments).WithName("RecordOrderPayment")
            .WithSummary("Marks a pending order paid with its payment intent; repeating it with the same intent changes nothing (service)");
        group.MapPost("/{id:guid}/revive", ReviveAsync).RequireScope(OrderingScopes.Payments).WithName("ReviveOrder")
            .WithSummary("Revives an order cancelled by expiry whose payment arrived late: its stock held and its coupon redeemed again, pending with a fresh payment window; 409 with a reason code when it cannot be; idempotent (service)");
        return endpoints;
    }

    private static async Task<Results<Ok<ApiResponse<OrderResponse>>, ApiErrorResult>> GetAsync(
        Guid id, OrderAccess access, CancellationToken cancellationToken)
    {
        var order = await access.FindAnyAsync(id, cancellationToken);
        return order is null ? OrdersApi.NotFound() : ApiResults.Ok(OrderResponse.From(order));
    }

    private static async Task<Results<Ok<ApiResponse<OrderBilling>>, ApiErrorResult>> GetBillingAsync(
        Guid id, IOrderingClient orders, CancellationToken cancellationToken)
    {
        var billing = await orders.GetBillingAsync(id, cancellationToken);
        return billing is null ? OrdersApi.NotFound() : ApiResults.Ok(billing);
    }

    private static async Task<Results<Ok<ApiResponse<OrderDetails>>, ApiErrorResult>> GetDetailsAsync(
        Guid id, IOrderingClient orders, CancellationToken cancellationToken)
    {
        var details = await orders.GetDetailsAsync(id, cancellationToken);
        return details is null ? OrdersApi.NotFound() : ApiResults.Ok(details);
    }

    private static async Task<Results<Ok<ApiResponse<OrderBilling>>, ApiErrorResult>> FindLatestPendingAsync(
        Guid? userId,
        [FromHeader(Name = OrderingHeaders.GuestKeyHash)] string? guestKeyHash,
        IOrderingClient orders,
        CancellationToken cancellationToken)
    {
        guestKeyHash = string.IsNullOrWhiteSpace(guestKeyHash) ? null : guestKeyHash.Trim();
        if ((userId is null) == (guestKeyHash is null) || guestKeyHash is { Length: not 64 })
        {
            return ApiResults.Error(
                StatusCodes.Status400BadRequest,
                ErrorCodes.ValidationError,
                $"Name either a customer (userId) or a guest ({OrderingHeaders.GuestKeyHash}: the SHA-256 hex of the cart key)",
                "userId");
        }

        var billing = await orders.FindLatestPendingAsync(userId, guestKeyHash, cancellationToken);
        return billing is null ? OrdersApi.NotFound() : ApiResults.Ok(billing);
    }

    private static async Task<Results<Ok<ApiResponse<OrderResponse>>, ApiErrorResult>> ReviveAsync(
        Guid id, ClaimsPrincipal principal, OrderReviver reviver, OrderAccess access, CancellationToken cancellationToken)
    {
        var revival = await reviver.ReviveAsync(id, Actor(principal), cancellationToken);
        if (revival is null)
        {
            return OrdersApi.NotFound();
        }

        if (!revival.Revived)
        {
            return ApiResults.Conflict(revival.Refusal!, revival.Message);
        }

        var order = await access.FindAnyAsync(id, cancellationToken);
        return order is null ? OrdersApi.NotFound() : ApiResults.Ok(OrderResponse.From(order), revival.Message);
    }

    private static string Actor(ClaimsPrincipal principal)
        => principal.FindFirstValue(MercatoClaims.ClientId) ?? principal.FindFirstValue(MercatoClaims.Subject) ?? "service";

    private static async Task<Results<Ok<ApiResponse<OrderResponse>>, ApiErrorResult>> RecordPaymentAsync(
        Guid id, RecordPaymentRequest request, ClaimsPrincipal principal, OrderTransitions transitions, CancellationToken cancellationToken)
    {
        var change = new StatusChange(OrderStatus.Paid, Actor(principal), "Payment confirmed", PaymentIntent: request.PaymentIntent!.Trim());
        var result = await transitions.MoveAsync(id, change, null, cancellationToken);
        return OrderLifecycleApi.Answer(result, "Order updated successfully");
    }
}
