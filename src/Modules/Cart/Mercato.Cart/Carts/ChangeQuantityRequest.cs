using FluentValidation;
using Microsoft.Extensions.Options;

namespace Mercato.Cart.Carts;

/// <summary>
/// Body of <c>PATCH /api/v1/cart/items/{itemId}</c> (seed 000): either <c>change</c> (+n/−n) or
/// <c>quantity</c> (set). A change that brings the line to 0 or below removes it (204).
/// </summary>
/// <param name="Change">Units to add (positive) or take away (negative).</param>
/// <param name="Quantity">The new quantity, at least 1.</param>
internal sealed record ChangeQuantityRequest(int? Change, int? Quantity);

/// <summary>Rules for <see cref="ChangeQuantityRequest"/>.</summary>
internal sealed class ChangeQuantityRequestValidator : AbstractValidator<ChangeQuantityRequest>
{
    /// <summary>Declares the rules.</summary>
    public ChangeQuantityRequestValidator(IOptions<CartOptions> options)
    {
        var max = options.Value.MaxQuantityPerLine;
        RuleFor(r => r.Change).NotNull().When(r => r.Quantity is null).WithMessage("Send 'change' (+n or -n) or 'quantity'.");
        RuleFor(r => r.Change).Null().When(r => r.Quantity is not null).WithMessage("Send either 'change' or 'quantity', not both.");
        RuleFor(r => r.Change).NotEqual(0).InclusiveBetween(-max, max).When(r => r.Change is not null);
        RuleFor(r => r.Quantity).InclusiveBetween(1, max).When(r => r.Quantity is not null);
    }
}
