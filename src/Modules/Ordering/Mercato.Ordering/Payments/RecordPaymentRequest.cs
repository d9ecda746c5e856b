using FluentValidation;

namespace Mercato.Ordering.Payments;

/// <summary>Body of <c>PUT /api/v1/orders/service/{id}/payment</c> (seed 000's service update with <c>is_paid</c> and <c>payment_intent</c>).</summary>
/// <param name="IsPaid">Must be true: the payment was captured. A failed payment changes nothing; the order is cancelled when its payment window ends.</param>
/// <param name="PaymentIntent">The payment provider's intent id.</param>
internal sealed record RecordPaymentRequest(bool? IsPaid, string? PaymentIntent);

/// <summary>Rules for <see cref="RecordPaymentRequest"/>.</summary>
internal sealed class RecordPaymentRequestValidator : AbstractValidator<RecordPaymentRequest>
{
    /// <summary>Declares the rules.</summary>
    public RecordPaymentRequestValidator()
    {
        RuleFor(r => r.IsPaid).NotNull().Equal(true)
            .WithMessage("isPaid must be true: only a captured payment is recorded (an unpaid order is cancelled when its payment window ends)");
        RuleFor(r => r.PaymentIntent).NotEmpty().MaximumLength(200);
    }
}
