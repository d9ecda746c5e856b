using FluentValidation;
using Mercato.Platform.Validation;

namespace Mercato.Cart.Carts;

/// <summary>Body of <c>POST /api/v1/cart/merge</c>: the guest cart's key (or send it in <c>X-Cart-Key</c>).</summary>
/// <param name="CartKey">The guest cart's key.</param>
internal sealed record MergeCartRequest(string? CartKey);

/// <summary>Rules for <see cref="MergeCartRequest"/>: a key given in the body has the shape of a key.</summary>
internal sealed class MergeCartRequestValidator : AbstractValidator<MergeCartRequest>
{
    /// <summary>Declares the rules.</summary>
    public MergeCartRequestValidator()
    {
        RuleFor(r => r.CartKey).Within(CartKeys.Length, k => CartKeys.IsWellFormed(k))
            .When(r => !string.IsNullOrWhiteSpace(r.CartKey))
            .WithMessage("'cartKey' must be a guest cart key (43 letters, digits, '-' or '_').");
    }
}
