using FluentValidation;

namespace Mercato.Catalog.Products;

/// <summary>An attribute in a product write.</summary>
/// <param name="Name">Attribute name.</param>
/// <param name="Value">Attribute value.</param>
internal sealed record ProductAttributeRequest(string? Name, string? Value);

/// <summary>Rules for <see cref="ProductAttributeRequest"/> (each attribute of a product write).</summary>
internal sealed class ProductAttributeRequestValidator : AbstractValidator<ProductAttributeRequest>
{
    /// <summary>Declares the rules.</summary>
    public ProductAttributeRequestValidator()
    {
        RuleFor(a => a.Name).NotEmpty().MaximumLength(100);
        RuleFor(a => a.Value).NotEmpty().MaximumLength(200);
    }
}
