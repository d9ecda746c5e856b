using Mercato.Cart.Carts;
using Mercato.Cart.Contracts;
using Mercato.Cart.Pricing;
using Mercato.Platform.Binding;
using Mercato.Platform.Envelope;
using Mercato.Platform.Errors;
using Mercato.Platform.Hosting;
using Mercato.Platform.OpenApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Cart.Coupons;

/// <summary>
/// <c>POST /api/v1/cart/apply-coupon</c> and <c>DELETE /api/v1/cart/coupon</c> (seed 004). A
/// coupon is checked when applied (exists, active, within its dates, not used up, not used up by
/// this customer, the cart qualifies) and again on every read of the cart; it is counted as used
/// only when an order is placed with it.
/// </summary>
internal static class CartCouponApi
{
    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapCartCouponApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.ModuleGroup(CartModule.Descriptor).MapGroup("/api/v1/cart").WithTags("Cart").AllowAnonymous()
            .WithAliases(a => a.Header("cart_key", Mercato.Platform.Http.CartKeyHeader.Name))
            .AcceptsGuestCartKey(required: false);
        group.MapPost("/apply-coupon", ApplyAsync).WithName("ApplyCoupon").WithSummary("Applies a coupon to the caller's cart");
        group.MapDelete("/coupon", RemoveAsync).WithName("RemoveCoupon").WithSummary("Takes the coupon off the caller's cart")
            .Produces<ErrorResponse>(StatusCodes.Status404NotFound);
        return endpoints;
    }

    private static async Task<Results<Ok<ApiResponse<AppliedCouponResponse>>, ApiErrorResult>> ApplyAsync(
        ApplyCouponRequest request, [AsParameters] CartRequestServices s, CancellationToken cancellationToken)
    {
        var typed = request.CouponCode!.Trim();
        if (!CouponCodes.IsValid(typed))
        {
            return CouponRefusals.Answer(CouponRefusal.Unknown, typed, null);
        }

        var code = CouponCodes.Normalize(typed);
        return await s.RetryAsync<Results<Ok<ApiResponse<AppliedCouponResponse>>, ApiErrorResult>>(async () =>
        {
            if (await s.OpenAsync(create: false, cancellationToken) is not { } opened)
            {
                return s.Caller.CartKey is not null
                    ? ApiResults.NotFound("Cart not found")
                    : ApiResults.BadRequest("couponCode", "Your cart is empty; add products before applying a coupon");
            }

            var coupon = await s.Db.Coupons.AsNoTracking().SingleOrDefaultAsync(c => c.Code == code && !c.IsDeleted, cancellationToken);
            if (coupon is null)
            {
                return CouponRefusals.Answer(CouponRefusal.Unknown, typed, null);
            }

            var refusal = CouponRules.CheckState(coupon, s.Time.GetUtcNow().UtcDateTime)
                ?? await CustomerLimitAsync(s, coupon, cancellationToken);
            opened.Cart.CouponCode = coupon.Code;
            var quote = await s.Quoter.QuoteAsync(opened.Cart, cancellationToken);
            refusal ??= quote.Coupon?.Refusal;
            if (refusal is { } refused)
            {
                return CouponRefusals.Answer(refused, typed, coupon);
            }

            s.Store.Touch(opened.Cart);
            await s.Db.SaveChangesAsync(cancellationToken);
            s.EchoKey(opened.CartKey);
            var totals = quote.Totals;
            return ApiResults.Ok(
                new AppliedCouponResponse(coupon.Code, CouponTypeNames.Of(coupon.Type), coupon.Value, totals.Discount, totals.Subtotal, totals.Discount, totals.Tax, totals.Total),
                "Coupon applied successfully");
        }, e => e, cancellationToken);
    }

    private static async Task<Results<Ok<ApiResponse<CartResponse>>, ApiErrorResult>> RemoveAsync(
        [AsParameters] CartRequestServices s, CancellationToken cancellationToken)
        => await s.RetryAsync<Results<Ok<ApiResponse<CartResponse>>, ApiErrorResult>>(async () =>
        {
            if (await s.OpenAsync(create: false, cancellationToken) is not { } opened)
            {
                return ApiResults.NotFound("Cart not found");
            }

            if (opened.Cart.CouponCode is not null)
            {
                opened.Cart.CouponCode = null;
                s.Store.Touch(opened.Cart);
                await s.Db.SaveChangesAsync(cancellationToken);
            }

            var quote = await s.Quoter.QuoteAsync(opened.Cart, cancellationToken);
            s.EchoKey(opened.CartKey);
            return ApiResults.Ok(CartResponse.From(quote, opened.CartKey), "Coupon removed");
        }, e => e, cancellationToken);

    private static async Task<CouponRefusal?> CustomerLimitAsync(CartRequestServices s, Coupon coupon, CancellationToken cancellationToken)
    {
        if (coupon.PerCustomerLimit is not { } limit || CustomerKeys.Of(s.Caller.UserId, null) is not { } customer)
        {
            return null;
        }

        var used = await s.Db.CouponRedemptions.CountAsync(r => r.CouponId == coupon.Id && r.CustomerKey == customer, cancellationToken);
        return used >= limit ? CouponRefusal.CustomerLimitReached : null;
    }
}
