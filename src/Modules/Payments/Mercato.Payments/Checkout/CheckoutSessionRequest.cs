using FluentValidation;

namespace Mercato.Payments.Checkout;

/// <summary>
/// Body of <c>POST /api/v1/payments/checkout-sessions</c>. Seed 000 sends no body at all (the
/// caller's newest unpaid order is paid); seed 002's <c>success_url</c>, <c>fail_url</c> and
/// <c>cancel_url</c> are accepted as aliases.
/// </summary>
/// <param name="OrderId">The order to pay; the caller's newest order awaiting payment when left out.</param>
/// <param name="SuccessUrl">Where the browser goes after a successful payment.</param>
/// <param name="CancelUrl">Where the browser goes when the shopper cancels.</param>
/// <param name="FailUrl">Where the browser goes after a failed payment (the cancel URL when left out).</param>
/// <param name="Gateway">The gateway (<c>sandbox</c>); the configured default when left out.</param>
internal sealed record CheckoutSessionRequest(Guid? OrderId = null, string? SuccessUrl = null, string? CancelUrl = null, string? FailUrl = null, string? Gateway = null);

/// <summary>Rules for <see cref="CheckoutSessionRequest"/>.</summary>
internal sealed class CheckoutSessionRequestValidator : AbstractValidator<CheckoutSessionRequest>
{
    /// <summary>Declares the rules.</summary>
    public CheckoutSessionRequestValidator()
    {
        RuleFor(r => r.OrderId).NotEqual(Guid.Empty);
        RuleFor(r => r.SuccessUrl).ReturnUrl();
        RuleFor(r => r.CancelUrl).ReturnUrl();
        RuleFor(r => r.FailUrl).ReturnUrl();
        RuleFor(r => r.Gateway).MaximumLength(32);
    }
}
