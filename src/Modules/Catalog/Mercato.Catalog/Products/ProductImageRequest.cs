using FluentValidation;
using Mercato.Platform.Envelope;

namespace Mercato.Catalog.Products;

/// <summary>A picture in a product write.</summary>
/// <param name="Url">Absolute http(s) URL.</param>
/// <param name="Alt">Alternative text.</param>
/// <param name="IsPrimary">Whether it is the main picture (at most one).</param>
internal sealed record ProductImageRequest(string? Url, string? Alt, bool IsPrimary);

/// <summary>Rules for <see cref="ProductImageRequest"/> (each image of a product write).</summary>
internal sealed class ProductImageRequestValidator : AbstractValidator<ProductImageRequest>
{
    /// <summary>Declares the rules.</summary>
    public ProductImageRequestValidator()
    {
        RuleFor(i => i.Url).NotEmpty().MaximumLength(500);
        RuleFor(i => i.Url).Must(WebUrls.IsHttp).When(i => !string.IsNullOrEmpty(i.Url))
            .WithErrorCode(ErrorCodes.InvalidFormat).WithMessage("'Url' must be an absolute http or https URL.");
        RuleFor(i => i.Alt).MaximumLength(200);
    }
}
