using FluentValidation;
using Mercato.Platform.Validation;

namespace Mercato.Cart.Coupons;

/// <summary>Body of <c>POST /api/v1/coupons</c> and <c>PUT /api/v1/coupons/{id}</c> (a replace: what is left out is reset).</summary>
/// <param name="Code">The code shoppers type; stored in upper case (see <see cref="CouponCodes"/>).</param>
/// <param name="Description">What the shop calls it.</param>
/// <param name="DiscountType"><c>percentage</c> or <c>fixed</c>.</param>
/// <param name="DiscountValue">The percentage (0–100] or the amount off (more than 0), at most two decimals.</param>
/// <param name="MinimumSubtotal">The smallest qualifying subtotal (0 or more, two decimals), if any.</param>
/// <param name="StartsAt">Valid from, if limited.</param>
/// <param name="EndsAt">Valid until (exclusive), if limited; after <paramref name="StartsAt"/>.</param>
/// <param name="UsageLimit">How many orders may use it in all (1 or more), if limited.</param>
/// <param name="PerCustomerLimit">How many orders one customer may use it for (1 or more), if limited.</param>
/// <param name="CategoryIds">When given, the discount applies only to lines in these categories (at most 50, distinct).</param>
/// <param name="Active">Switched on (default true).</param>
internal sealed record CouponRequest(
    string? Code,
    string? Description,
    string? DiscountType,
    decimal? DiscountValue,
    decimal? MinimumSubtotal,
    DateTimeOffset? StartsAt,
    DateTimeOffset? EndsAt,
    int? UsageLimit,
    int? PerCustomerLimit,
    IReadOnlyList<Guid>? CategoryIds,
    bool? Active);

/// <summary>Rules for <see cref="CouponRequest"/>.</summary>
internal sealed class CouponRequestValidator : AbstractValidator<CouponRequest>
{
    /// <summary>The largest amount a fixed coupon or a minimum subtotal may name.</summary>
    public const decimal MaxAmount = 1_000_000m;

    /// <summary>The most categories a coupon may be limited to.</summary>
    public const int MaxCategories = 50;

    /// <summary>The largest usage limit, in total or per customer.</summary>
    public const int MaxUsageLimit = 1_000_000;

    /// <summary>The discount types, as the API names them.</summary>
    public static IReadOnlyList<string> DiscountTypes { get; } = [CouponTypeNames.Percentage, CouponTypeNames.Fixed];

    /// <summary>Declares the rules.</summary>
    public CouponRequestValidator()
    {
        RuleFor(r => r.Code).NotEmpty();
        RuleFor(r => r.Code).Within(CouponCodes.MaxLength, CouponCodes.IsValid).When(r => !string.IsNullOrWhiteSpace(r.Code))
            .WithMessage($"'Code' must be at most {CouponCodes.MaxLength} letters, digits, '-' or '_'.");
        RuleFor(r => r.Description).MaximumLength(500);
        RuleFor(r => r.DiscountType).NotEmpty();
        RuleFor(r => r.DiscountType).OneOf(DiscountTypes, t => CouponTypeNames.Parse(t) is not null).When(r => !string.IsNullOrWhiteSpace(r.DiscountType))
            .WithMessage($"'Discount Type' must be '{CouponTypeNames.Percentage}' or '{CouponTypeNames.Fixed}'.");
        RuleFor(r => r.DiscountValue).NotNull();
        RuleFor(r => r.DiscountValue!.Value).GreaterThan(0m).LessThanOrEqualTo(100m).Must(HasTwoDecimals)
            .When(r => r.DiscountValue is not null && CouponTypeNames.Parse(r.DiscountType) == CouponType.Percentage)
            .OverridePropertyName("discountValue")
            .WithMessage("A percentage must be more than 0 and at most 100, with at most two decimals.");
        RuleFor(r => r.DiscountValue!.Value).GreaterThan(0m).LessThanOrEqualTo(MaxAmount).Must(HasTwoDecimals)
            .When(r => r.DiscountValue is not null && CouponTypeNames.Parse(r.DiscountType) == CouponType.FixedAmount)
            .OverridePropertyName("discountValue")
            .WithMessage($"A fixed amount must be more than 0 and at most {MaxAmount}, with at most two decimals.");
        RuleFor(r => r.MinimumSubtotal!.Value).GreaterThanOrEqualTo(0m).LessThanOrEqualTo(MaxAmount).Must(HasTwoDecimals)
            .When(r => r.MinimumSubtotal is not null).OverridePropertyName("minimumSubtotal")
            .WithMessage($"'Minimum Subtotal' must be at least 0 and at most {MaxAmount}, with at most two decimals.");
        RuleFor(r => r.EndsAt).GreaterThan(r => r.StartsAt).When(r => r.StartsAt is not null && r.EndsAt is not null)
            .WithMessage("'Ends At' must be after 'Starts At'.");
        RuleFor(r => r.UsageLimit).InclusiveBetween(1, MaxUsageLimit).When(r => r.UsageLimit is not null);
        RuleFor(r => r.PerCustomerLimit).InclusiveBetween(1, MaxUsageLimit).When(r => r.PerCustomerLimit is not null);
        RuleFor(r => r.CategoryIds!.Count).LessThanOrEqualTo(MaxCategories).When(r => r.CategoryIds is not null)
            .OverridePropertyName("categoryIds").WithMessage($"A coupon can be limited to at most {MaxCategories} categories.");
        RuleFor(r => r.CategoryIds).Must(ids => ids!.Distinct().Count() == ids!.Count).When(r => r.CategoryIds is not null)
            .WithMessage("'Category Ids' must not repeat a category.");
        RuleForEach(r => r.CategoryIds).NotEqual(Guid.Empty).WithMessage("Each category id must be a category id.");
    }

    private static bool HasTwoDecimals(decimal value) => decimal.Round(value, 2) == value;
}
