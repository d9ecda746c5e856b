using FluentValidation;
using Mercato.Catalog.Contracts;

namespace Mercato.Catalog.Products;

/// <summary>Rules for <see cref="ProductSnapshotsRequest"/>.</summary>
internal sealed class ProductSnapshotsRequestValidator : AbstractValidator<ProductSnapshotsRequest>
{
    /// <summary>Declares the rules.</summary>
    public ProductSnapshotsRequestValidator()
    {
        RuleFor(r => r.Ids).NotEmpty().WithMessage("Give at least one product id.");
        RuleFor(r => r.Ids!.Count).LessThanOrEqualTo(ProductSnapshotsRequest.MaxIds).When(r => r.Ids is not null)
            .OverridePropertyName("ids").WithMessage($"At most {ProductSnapshotsRequest.MaxIds} ids.");
    }
}
