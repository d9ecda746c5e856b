using System.Net;
using Mercato.Cart.Coupons;

namespace Mercato.Cart.Tests.Support;

/// <summary>Coupons that cannot be used, with the answer and reason each must get.</summary>
public static class CouponCases
{
    /// <summary>Name, how the coupon is spoiled, the status and the reason.</summary>
    public static TheoryData<string, Action<Coupon>, HttpStatusCode, string> Refusals => new()
    {
        { "inactive", c => c.Active = false, HttpStatusCode.BadRequest, "inactive" },
        { "expired", c => c.EndsAt = DateTime.UtcNow.AddDays(-1), HttpStatusCode.BadRequest, "expired" },
        { "not started", c => c.StartsAt = DateTime.UtcNow.AddDays(1), HttpStatusCode.BadRequest, "notStarted" },
        { "used up", c => { c.UsageLimit = 3; c.TimesRedeemed = 3; }, HttpStatusCode.Conflict, "exhausted" },
        { "minimum", c => c.MinimumSubtotal = 100.01m, HttpStatusCode.BadRequest, "minimumNotMet" },
        { "other category", c => c.CategoryIds = [Guid.NewGuid()], HttpStatusCode.BadRequest, "noQualifyingItems" },
        { "deleted", c => c.IsDeleted = true, HttpStatusCode.BadRequest, "unknown" },
    };
}
