using FluentValidation;

namespace Mercato.Ordering.Checkout;

/// <summary>
/// Body of <c>POST /api/v1/orders</c>: the order is made from the caller's cart; only where it
/// goes and the customer's notes come from the request (never prices, status or owner).
/// </summary>
/// <param name="ShippingAddress">Where the order goes.</param>
/// <param name="BillingAddress">Where the invoice goes; the shipping address when left out.</param>
/// <param name="CouponCode">The coupon applied to the cart, if the customer names it; must match the cart's.</param>
/// <param name="Notes">Notes for the shop.</param>
public sealed record PlaceOrderRequest(AddressBody? ShippingAddress, AddressBody? BillingAddress, string? CouponCode, string? Notes);

/// <summary>Rules for <see cref="PlaceOrderRequest"/>.</summary>
public sealed class PlaceOrderRequestValidator : AbstractValidator<PlaceOrderRequest>
{
    /// <summary>Declares the rules.</summary>
    public PlaceOrderRequestValidator()
    {
        RuleFor(r => r.ShippingAddress).NotNull().SetValidator(new AddressBodyValidator()!);
        RuleFor(r => r.BillingAddress).SetValidator(new AddressBodyValidator()!).When(r => r.BillingAddress is not null);
        RuleFor(r => r.CouponCode).MaximumLength(40);
        RuleFor(r => r.Notes).MaximumLength(1000);
    }
}
