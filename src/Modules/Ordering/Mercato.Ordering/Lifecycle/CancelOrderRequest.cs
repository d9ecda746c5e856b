using FluentValidation;

namespace Mercato.Ordering.Lifecycle;

/// <summary>Body of <c>POST /api/v1/orders/{id}/cancel</c> (seed 004).</summary>
/// <param name="Reason">Why the order is cancelled; kept in its history and sent with <c>OrderCancelled</c>.</param>
internal sealed record CancelOrderRequest(string? Reason);

/// <summary>Rules for <see cref="CancelOrderRequest"/>.</summary>
internal sealed class CancelOrderRequestValidator : AbstractValidator<CancelOrderRequest>
{
    /// <summary>Declares the rules.</summary>
    public CancelOrderRequestValidator()
    {
        RuleFor(r => r.Reason).MaximumLength(500);
    }
}
