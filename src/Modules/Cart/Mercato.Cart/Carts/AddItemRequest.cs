using FluentValidation;
using Microsoft.Extensions.Options;

namespace Mercato.Cart.Carts;

/// <summary>Body of <c>POST /api/v1/cart/items</c> (seed 004). The price is never taken from the client.</summary>
/// <param name="ProductId">The product.</param>
/// <param name="Quantity">Units to add (default 1); added to the line when the product is already in the cart.</param>
internal sealed record AddItemRequest(Guid? ProductId, int? Quantity);

/// <summary>Rules for <see cref="AddItemRequest"/>.</summary>
internal sealed class AddItemRequestValidator : AbstractValidator<AddItemRequest>
{
    /// <summary>Declares the rules.</summary>
    public AddItemRequestValidator(IOptions<CartOptions> options)
    {
        RuleFor(r => r.ProductId).NotNull().NotEqual(Guid.Empty);
        RuleFor(r => r.Quantity).InclusiveBetween(1, options.Value.MaxQuantityPerLine);
    }
}
