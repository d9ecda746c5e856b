using System.Text.Json;
using Mercato.Cart.Contracts;
using Mercato.Catalog.Client;
using Mercato.Catalog.Contracts;
using Mercato.Platform.Envelope;
using Mercato.Platform.Errors;
using Microsoft.AspNetCore.Http;

namespace Mercato.Ordering.Checkout;

/// <summary>The error answers of checkout, in seed 004's shapes.</summary>
internal static class PlacementErrors
{
    /// <summary>409 INSUFFICIENT_STOCK naming each short line (<c>items[i].quantity</c>) with <c>availableStock</c> and <c>requestedQuantity</c>.</summary>
    public static ApiErrorResult Shortage(IReadOnlyList<StockShortage> shortages, IReadOnlyList<CartLineSnapshot> lines)
        => StockShortageErrors.Answer(shortages, id =>
        {
            var index = lines.ToList().FindIndex(l => l.ProductId == id);
            return ($"items[{index}].quantity", index >= 0 ? $"'{lines[index].Name}'" : $"Product '{id}'");
        });

    /// <summary>The coupon was refused: 409 when its uses ran out, 400 otherwise; <c>reason</c> names the refusal.</summary>
    public static ApiErrorResult Coupon(CouponRedemptionResult result)
    {
        var refusal = result.Refusal ?? CouponRefusal.Unknown;
        var conflict = refusal is CouponRefusal.Exhausted or CouponRefusal.CustomerLimitReached;
        var error = new ApiError(conflict ? ErrorCodes.Conflict : ErrorCodes.ValidationError, result.Message, "couponCode")
        {
            Details = new Dictionary<string, object?> { ["reason"] = JsonNamingPolicy.CamelCase.ConvertName(refusal.ToString()) },
        };
        return conflict
            ? new ApiErrorResult(StatusCodes.Status409Conflict, "Coupon not usable", [error])
            : new ApiErrorResult(StatusCodes.Status400BadRequest, "Coupon not usable", [error]);
    }
}
