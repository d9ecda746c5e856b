using FluentValidation;

namespace Mercato.Probe.Orders;

/// <summary>Body of <c>POST /api/v1/probe/orders</c>.</summary>
/// <param name="Reference">1-100 characters; groups a test's orders.</param>
/// <param name="Item">1-100 characters.</param>
/// <param name="Quantity">1-100.</param>
/// <param name="DelayMs">0-30000: how long the handler works before writing, to make overlapping requests.</param>
public sealed record CreateOrderRequest(string? Reference, string? Item, int Quantity, int DelayMs);

/// <summary>Rules for <see cref="CreateOrderRequest"/>.</summary>
public sealed class CreateOrderRequestValidator : AbstractValidator<CreateOrderRequest>
{
    /// <summary>Declares the rules.</summary>
    public CreateOrderRequestValidator()
    {
        RuleFor(r => r.Reference).NotEmpty().MaximumLength(100);
        RuleFor(r => r.Item).NotEmpty().MaximumLength(100);
        RuleFor(r => r.Quantity).InclusiveBetween(1, 100);
        RuleFor(r => r.DelayMs).InclusiveBetween(0, 30_000);
    }
}
