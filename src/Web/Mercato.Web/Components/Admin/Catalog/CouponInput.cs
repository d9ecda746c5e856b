using System.ComponentModel.DataAnnotations;

namespace Mercato.Web.Components.Admin.Catalog;

/// <summary>The coupon form's fields (create and edit; an edit replaces the coupon, its use count kept by the API).</summary>
public sealed class CouponInput
{
    /// <summary>The code shoppers type.</summary>
    [Required(ErrorMessage = "Enter the code.")]
    public string? Code { get; set; }

    /// <summary>What the shop calls it.</summary>
    public string? Description { get; set; }

    /// <summary>percentage or fixed.</summary>
    public string DiscountType { get; set; } = "percentage";

    /// <summary>The percentage or the amount off.</summary>
    [Required(ErrorMessage = "Enter the discount.")]
    public decimal? DiscountValue { get; set; }

    /// <summary>The smallest qualifying subtotal.</summary>
    public decimal? MinimumSubtotal { get; set; }

    /// <summary>Valid from (UTC).</summary>
    public DateTime? StartsAt { get; set; }

    /// <summary>Valid until, exclusive (UTC).</summary>
    public DateTime? EndsAt { get; set; }

    /// <summary>Uses in all.</summary>
    public int? UsageLimit { get; set; }

    /// <summary>Uses per customer.</summary>
    public int? PerCustomerLimit { get; set; }

    private string[] _categoryIds = [];

    /// <summary>The categories it is limited to (none: every category; a form that selects none posts nothing, read as none).</summary>
    public string[] CategoryIds
    {
        get => _categoryIds;
        set => _categoryIds = value ?? [];
    }

    /// <summary>Switched on.</summary>
    public bool Active { get; set; } = true;

    /// <summary>The body of a create or replace.</summary>
    public object Body() => new
    {
        code = Code?.Trim(),
        description = string.IsNullOrWhiteSpace(Description) ? null : Description.Trim(),
        discountType = DiscountType,
        discountValue = DiscountValue,
        minimumSubtotal = MinimumSubtotal,
        startsAt = Utc(StartsAt),
        endsAt = Utc(EndsAt),
        usageLimit = UsageLimit,
        perCustomerLimit = PerCustomerLimit,
        categoryIds = CategoryIds.Select(id => Guid.TryParse(id, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty).ToList(),
        active = Active,
    };

    /// <summary>A form filled with <paramref name="coupon"/>.</summary>
    internal static CouponInput From(AdminCoupon coupon) => new()
    {
        Code = coupon.Code,
        Description = coupon.Description,
        DiscountType = coupon.DiscountType,
        DiscountValue = coupon.DiscountValue,
        MinimumSubtotal = coupon.MinimumSubtotal,
        StartsAt = coupon.StartsAt?.UtcDateTime,
        EndsAt = coupon.EndsAt?.UtcDateTime,
        UsageLimit = coupon.UsageLimit,
        PerCustomerLimit = coupon.PerCustomerLimit,
        CategoryIds = [.. coupon.CategoryIds.Select(id => id.ToString())],
        Active = coupon.Active,
    };

    private static DateTimeOffset? Utc(DateTime? value) =>
        value is { } v ? new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)) : null;
}
