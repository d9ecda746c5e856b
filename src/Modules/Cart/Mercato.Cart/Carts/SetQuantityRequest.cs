using FluentValidation;
using Microsoft.Extensions.Options;

namespace Mercato.Cart.Carts;

/// <summary>Body of <c>PUT /api/v1/cart/items/{itemId}</c> (seed 004): the line's new quantity.</summary>
/// <param name="Quantity">Units, at least 1 (remove a line with DELETE).</param>
internal sealed record SetQuantityRequest(int? Quantity);

/// <summary>Rules for <see cref="SetQuantityRequest"/>.</summary>
internal sealed class SetQuantityRequestValidator : AbstractValidator<SetQuantityRequest>
{
    /// <summary>Declares the rules.</summary>
    public SetQuantityRequestValidator(IOptions<CartOptions> options)
    {
        RuleFor(r => r.Quantity).NotNull().InclusiveBetween(1, options.Value.MaxQuantityPerLine);
    }
}
