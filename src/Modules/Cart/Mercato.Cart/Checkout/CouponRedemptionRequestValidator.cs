using FluentValidation;
using Mercato.Cart.Contracts;
using Mercato.Cart.Coupons;

namespace Mercato.Cart.Checkout;

/// <summary>Rules for a <see cref="CouponRedemptionRequest"/> (the body of <c>POST /api/v1/cart/service/coupons/redeem</c>).</summary>
internal sealed class CouponRedemptionRequestValidator : AbstractValidator<CouponRedemptionRequest>
{
    /// <summary>Declares the rules.</summary>
    public CouponRedemptionRequestValidator()
    {
        RuleFor(r => r.OrderId).NotEmpty();
        RuleFor(r => r.CouponCode).NotEmpty().MaximumLength(CouponCodes.MaxLength);
        RuleFor(r => r.CustomerId).NotEqual(Guid.Empty).When(r => r.CustomerId is not null);
        RuleFor(r => r.CustomerEmail).NotEmpty().When(r => r.CustomerId is null)
            .WithMessage("Send 'customerId' or, for a guest, 'customerEmail' (the per-customer limit needs one).");
        RuleFor(r => r.CustomerEmail!).MaximumLength(254).EmailAddress().When(r => !string.IsNullOrWhiteSpace(r.CustomerEmail));
    }
}
