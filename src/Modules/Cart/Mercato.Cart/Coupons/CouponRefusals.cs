using Mercato.Cart.Contracts;
using Mercato.Platform.Envelope;
using Mercato.Platform.Errors;
using Microsoft.AspNetCore.Http;

namespace Mercato.Cart.Coupons;

/// <summary>A coupon refusal as an error answer: 400 for the request, 409 when the coupon's uses ran out; <c>reason</c> names it.</summary>
internal static class CouponRefusals
{
    /// <summary>The error answer for <paramref name="refusal"/>.</summary>
    public static ApiErrorResult Answer(CouponRefusal refusal, string code, Coupon? coupon)
    {
        var conflict = CouponRules.IsConflict(refusal);
        var error = new ApiError(conflict ? ErrorCodes.Conflict : ErrorCodes.ValidationError, CouponRules.Describe(refusal, code, coupon), "couponCode")
        {
            Details = new Dictionary<string, object?> { ["reason"] = CouponRules.Name(refusal) },
        };
        var status = conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        return new ApiErrorResult(status, StatusMessages.For(status), [error]);
    }
}
