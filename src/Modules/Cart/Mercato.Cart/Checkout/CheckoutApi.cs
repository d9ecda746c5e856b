using Mercato.Cart.Contracts;
using Mercato.Cart.Coupons;
using Mercato.Platform.Auth;
using Mercato.Platform.Envelope;
using Mercato.Platform.Errors;
using Mercato.Platform.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Mercato.Cart.Checkout;

/// <summary>
/// The Cart for other services (service token with scope <c>cart.checkout</c>):
/// <c>/api/v1/cart/service</c>. Read and clear any shopper's cart (seed 000's
/// <c>get_user_cart</c> and <c>clear_user_cart</c>), and count or give back a coupon use for an order.
/// </summary>
internal static class CheckoutApi
{
    /// <summary>Maps the service endpoints.</summary>
    public static IEndpointRouteBuilder MapCheckoutApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.ModuleGroup(CartModule.Descriptor)
            .MapGroup("/api/v1/cart/service")
            .WithTags("Cart (service)")
            .RequireScope(CartScopes.Checkout);
        group.MapGet("/carts", GetAsync).WithName("GetCartForService")
            .WithSummary("A shopper's cart (?userId= or X-Cart-Key) priced now, as Ordering sees it (service)");
        group.MapDelete("/carts", ClearAsync).WithName("ClearCartForService")
            .WithSummary("Empties a shopper's cart (?userId= or X-Cart-Key) after checkout (service)");
        group.MapPost("/coupons/redeem", RedeemAsync).WithName("RedeemCoupon")
            .WithSummary("Counts one use of a coupon for an order within its limits; idempotent per order (service)");
        group.MapPost("/coupons/release", ReleaseAsync).WithName("ReleaseCoupon")
            .WithSummary("Gives back an order's coupon use; idempotent (service)");
        return endpoints;
    }

    private static async Task<Results<Ok<ApiResponse<CartSnapshot>>, ApiErrorResult>> GetAsync(
        HttpRequest request, CheckoutCarts carts, CancellationToken cancellationToken)
    {
        var (owner, error) = ServiceCartOwner.Read(request);
        if (error is not null)
        {
            return error;
        }

        var snapshot = await carts.GetAsync(owner!, cancellationToken);
        return snapshot is null ? CartNotFound() : ApiResults.Ok(snapshot);
    }

    private static async Task<Results<NoContent, ApiErrorResult>> ClearAsync(
        HttpRequest request, CheckoutCarts carts, CancellationToken cancellationToken)
    {
        var (owner, error) = ServiceCartOwner.Read(request);
        if (error is not null)
        {
            return error;
        }

        return await carts.ClearAsync(owner!, cancellationToken) ? TypedResults.NoContent() : CartNotFound();
    }

    private static async Task<Results<Ok<ApiResponse<CouponRedemptionResult>>, ApiErrorResult>> RedeemAsync(
        CouponRedemptionRequest request, CouponRedemptions redemptions, CancellationToken cancellationToken)
    {
        var outcome = await redemptions.RedeemAsync(request, cancellationToken);
        return outcome.Result.Refusal is { } refusal
            ? CouponRefusals.Answer(refusal, outcome.Code, outcome.Coupon)
            : ApiResults.Ok(outcome.Result, outcome.Result.Message);
    }

    private static async Task<NoContent> ReleaseAsync(
        ReleaseCouponRequest request, CouponRedemptions redemptions, CancellationToken cancellationToken)
    {
        await redemptions.ReleaseAsync(request.OrderId!.Value, cancellationToken);
        return TypedResults.NoContent();
    }

    private static ApiErrorResult CartNotFound() => ApiResults.NotFound("Cart not found");
}
