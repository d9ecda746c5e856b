using Mercato.Ordering.Data;
using Mercato.Ordering.Orders;
using Mercato.Platform.Binding;
using Mercato.Platform.Envelope;
using Mercato.Platform.Errors;
using Mercato.Platform.Hosting;
using Mercato.Platform.Idempotency;
using Mercato.Platform.OpenApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Mercato.Ordering.Checkout;

/// <summary><c>POST /api/v1/orders</c>: a signed-in customer, or a guest with their cart key, places their cart as an order (seeds 004 and 000).</summary>
internal static class PlaceOrderApi
{
    /// <summary>Maps the endpoint.</summary>
    public static IEndpointRouteBuilder MapPlaceOrderApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.ModuleGroup(OrderingModule.Descriptor)
            .MapGroup("/api/v1/orders")
            .WithTags("Orders")
            .MapPost("/", PlaceAsync)
            .AllowAnonymous()
            .RequireVerifiedEmailWhenConfigured()
            .AcceptsGuestCartKey(required: true)
            .WithIdempotency<OrderingDbContext>()
            .WithAliases(a => a // seed 000's guest order
                .Header("cart_key", Mercato.Platform.Http.CartKeyHeader.Name)
                .Field("email", "contactEmail")
                .Field("first_name", "firstName")
                .Field("last_name", "lastName")
                .Field("phone_number", "phone")
                .Field("shipping_address", "shippingAddress.street")
                .Field("city", "shippingAddress.city")
                .Field("postcode", "shippingAddress.zipCode")
                .Field("country", "shippingAddress.country")) // seed 000 has none; a flat country must not be ignored
            .WithName("PlaceOrder")
            .WithSummary("Places the caller's cart as an order: reserves its stock, redeems its coupon, empties the cart (Idempotency-Key optional: with one a retry replays the first answer; without one a repeat of the same cart answers 409)");
        return endpoints;
    }

    private static async Task<Results<Created<ApiResponse<OrderResponse>>, ApiErrorResult>> PlaceAsync(
        PlaceOrderRequest request, HttpContext context, OrderPlacement placement, CancellationToken cancellationToken)
    {
        var (buyer, error) = Buyer.From(context);
        if (error is not null)
        {
            return error;
        }

        var result = await placement.PlaceAsync(buyer!, request, cancellationToken);
        return result.Order is { } order
            ? ApiResults.Created($"/api/v1/orders/{order.Id}", OrderResponse.From(order), "Order created successfully")
            : result.Error!;
    }
}
