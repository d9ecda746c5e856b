using FluentValidation;

namespace Mercato.Catalog.Stock;

/// <summary>Body of <c>POST /api/v1/products/stock</c> (seed 001's stock lookup).</summary>
/// <param name="Ids">Product ids, 1 to <see cref="StockLookupRequestValidator.MaxIds"/>.</param>
internal sealed record StockLookupRequest(IReadOnlyList<Guid>? Ids);

/// <summary>Rules for <see cref="StockLookupRequest"/>.</summary>
internal sealed class StockLookupRequestValidator : AbstractValidator<StockLookupRequest>
{
    /// <summary>The most ids in one lookup.</summary>
    public const int MaxIds = 100;

    /// <summary>Declares the rules.</summary>
    public StockLookupRequestValidator()
    {
        RuleFor(r => r.Ids).NotEmpty().WithMessage("Give at least one product id.");
        RuleFor(r => r.Ids!.Count).LessThanOrEqualTo(MaxIds).When(r => r.Ids is not null)
            .OverridePropertyName("ids").WithMessage($"At most {MaxIds} ids.");
    }
}

/// <summary>One product's stock as shoppers see it.</summary>
/// <param name="Id">The product.</param>
/// <param name="Stock">Units a shopper can buy now (on hand minus reserved).</param>
/// <param name="InStock">Whether at least one unit can be bought.</param>
internal sealed record ProductStockResponse(Guid Id, int Stock, bool InStock);
