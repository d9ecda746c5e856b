using FluentValidation;
using Mercato.Platform.Validation;
using Microsoft.Extensions.Options;

namespace Mercato.Ordering.Checkout;

/// <summary>
/// Body of <c>POST /api/v1/orders</c>: the order is made from the caller's cart; only where it
/// goes and the customer's notes come from the request (never prices, status or owner).
/// </summary>
/// <param name="ShippingAddress">Where the order goes (or give <paramref name="ShippingAddressId"/>).</param>
/// <param name="BillingAddress">Where the invoice goes; the shipping address when left out (and no <paramref name="BillingAddressId"/> is given).</param>
/// <param name="CouponCode">The coupon applied to the cart, if the customer names it; must match the cart's.</param>
/// <param name="Notes">Notes for the shop.</param>
/// <param name="ContactEmail">Where a guest hears about the order (required for guests; a customer's account e-mail is used otherwise).</param>
/// <param name="FirstName">Contact first name.</param>
/// <param name="LastName">Contact last name.</param>
/// <param name="Phone">Contact phone.</param>
/// <param name="PaymentMethodId">Seed 004: the customer's saved card to pay with (Payments charges it through <c>POST /api/v1/payments/process</c>).</param>
/// <param name="ShippingAddressId">Seed 004: one of the signed-in customer's saved addresses to ship to, instead of <paramref name="ShippingAddress"/>; copied into the order.</param>
/// <param name="BillingAddressId">Seed 004: one of the customer's saved addresses to bill, instead of <paramref name="BillingAddress"/>; copied into the order.</param>
internal sealed record PlaceOrderRequest(
    AddressBody? ShippingAddress,
    AddressBody? BillingAddress,
    string? CouponCode,
    string? Notes,
    string? ContactEmail = null,
    string? FirstName = null,
    string? LastName = null,
    string? Phone = null,
    Guid? PaymentMethodId = null,
    Guid? ShippingAddressId = null,
    Guid? BillingAddressId = null);

/// <summary>Rules for <see cref="PlaceOrderRequest"/>.</summary>
internal sealed class PlaceOrderRequestValidator : AbstractValidator<PlaceOrderRequest>
{
    /// <summary>Declares the rules.</summary>
    public PlaceOrderRequestValidator(IOptions<OrderingOptions> options)
    {
        var address = new AddressBodyValidator(options);
        RuleFor(r => r.ShippingAddress).NotNull().When(r => r.ShippingAddressId is null)
            .WithMessage("Give the shipping address, or shippingAddressId to ship to one of your saved addresses");
        RuleFor(r => r.ShippingAddress).SetValidator(address!).When(r => r.ShippingAddress is not null);
        RuleFor(r => r.BillingAddress).SetValidator(address!).When(r => r.BillingAddress is not null);
        RuleFor(r => r.ShippingAddressId).Null().When(r => r.ShippingAddress is not null)
            .WithMessage("Give either shippingAddress or shippingAddressId, not both");
        RuleFor(r => r.BillingAddressId).Null().When(r => r.BillingAddress is not null)
            .WithMessage("Give either billingAddress or billingAddressId, not both");
        RuleFor(r => r.ShippingAddressId).NotEqual(Guid.Empty);
        RuleFor(r => r.BillingAddressId).NotEqual(Guid.Empty);
        RuleFor(r => r.CouponCode).MaximumLength(40);
        RuleFor(r => r.Notes).MaximumLength(1000).PlainText(allowLineBreaks: true);
        RuleFor(r => r.ContactEmail).EmailAddress().MaximumLength(256);
        RuleFor(r => r.FirstName).MaximumLength(100).PlainText();
        RuleFor(r => r.LastName).MaximumLength(100).PlainText();
        RuleFor(r => r.PaymentMethodId).NotEqual(Guid.Empty);
        RuleFor(r => r.Phone).MaximumLength(32).Matches(@"^\+?[0-9 ()\-]{4,32}$").When(r => !string.IsNullOrEmpty(r.Phone));
    }
}
