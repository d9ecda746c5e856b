namespace Mercato.Web.Components.Admin.Catalog;

/// <summary>A coupon as administrators see it.</summary>
/// <param name="Id">Id.</param>
/// <param name="Code">Code (upper case).</param>
/// <param name="Description">What the shop calls it.</param>
/// <param name="DiscountType">percentage or fixed.</param>
/// <param name="DiscountValue">Percentage or amount off.</param>
/// <param name="MinimumSubtotal">Smallest qualifying subtotal.</param>
/// <param name="StartsAt">Valid from.</param>
/// <param name="EndsAt">Valid until (exclusive).</param>
/// <param name="UsageLimit">Uses in all.</param>
/// <param name="PerCustomerLimit">Uses per customer.</param>
/// <param name="TimesRedeemed">Uses so far.</param>
/// <param name="CategoryIds">Categories it is limited to.</param>
/// <param name="Active">Switched on.</param>
internal sealed record AdminCoupon(
    Guid Id,
    string Code,
    string? Description,
    string DiscountType,
    decimal DiscountValue,
    decimal? MinimumSubtotal,
    DateTimeOffset? StartsAt,
    DateTimeOffset? EndsAt,
    int? UsageLimit,
    int? PerCustomerLimit,
    int TimesRedeemed,
    IReadOnlyList<Guid> CategoryIds,
    bool Active);
