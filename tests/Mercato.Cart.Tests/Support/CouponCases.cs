using System.Net;
using Mercato.Cart.Coupons;

namespace Mercato.Cart.Tests.Support;

/// <summary>Coupons that cannot be used, with the answer and reason each must get.</summary>
public static class CouponCases
{
    /// <summary>How each case spoils its coupon (the Cart's <see cref="Coupon"/> is internal, so the theory passes the case's name).</summary>
    internal static readonly IReadOnlyDictionary<string, Action<Coupon>> Spoilers = new Dictionary<string, Action<Coupon>>
    {
        ["inactive"] = c => c.Active = false,
        ["expired"] = c => c.EndsAt = DateTime.UtcNow.AddDays(-1),
        ["not started"] = c => c.StartsAt = DateTime.UtcNow.AddDays(1),
        ["used up"] = c => { c.UsageLimit = 3; c.TimesRedeemed = 3; },
        ["minimum"] = c => c.MinimumSubtotal = 100.01m,
        ["other category"] = c => c.CategoryIds = [Guid.NewGuid()],
        ["deleted"] = c => c.IsDeleted = true,
    };

    /// <summary>Name (a key of <see cref="Spoilers"/>), the status and the reason.</summary>
    public static TheoryData<string, HttpStatusCode, string> Refusals => new()
    {
        { "inactive", HttpStatusCode.BadRequest, "inactive" },
        { "expired", HttpStatusCode.BadRequest, "expired" },
        { "not started", HttpStatusCode.BadRequest, "notStarted" },
        { "used up", HttpStatusCode.Conflict, "exhausted" },
        { "minimum", HttpStatusCode.BadRequest, "minimumNotMet" },
        { "other category", HttpStatusCode.BadRequest, "noQualifyingItems" },
        { "deleted", HttpStatusCode.BadRequest, "unknown" },
    };
}
