using FluentValidation;

namespace Mercato.Catalog.Stock;

/// <summary>Body of <c>PUT /api/v1/products/{id}/stock</c>: the units on hand after a count.</summary>
/// <param name="Stock">Units on hand, 0 to <see cref="StockLimits.MaxUnits"/>; never below the reserved units.</param>
/// <param name="Reason">Why, for the ledger.</param>
internal sealed record SetStockRequest(int? Stock, string? Reason);

/// <summary>Body of <c>POST /api/v1/products/{id}/stock/adjustments</c>: units received (positive) or lost (negative).</summary>
/// <param name="Change">Units to add or remove, not 0.</param>
/// <param name="Reason">Why, for the ledger.</param>
internal sealed record AdjustStockRequest(int? Change, string? Reason);

/// <summary>Limits of administrators' stock changes.</summary>
internal static class StockLimits
{
    /// <summary>The most units of one product, and the largest adjustment.</summary>
    public const int MaxUnits = 1_000_000;

    /// <summary>The longest reason.</summary>
    public const int MaxReasonLength = 500;
}

/// <summary>Rules for <see cref="SetStockRequest"/>.</summary>
internal sealed class SetStockRequestValidator : AbstractValidator<SetStockRequest>
{
    /// <summary>Declares the rules.</summary>
    public SetStockRequestValidator()
    {
        RuleFor(r => r.Stock).NotNull().InclusiveBetween(0, StockLimits.MaxUnits)
            .WithMessage($"stock must be between 0 and {StockLimits.MaxUnits}.");
        RuleFor(r => r.Reason).NotEmpty().MaximumLength(StockLimits.MaxReasonLength)
            .WithMessage($"Give a reason of at most {StockLimits.MaxReasonLength} characters.");
    }
}

/// <summary>Rules for <see cref="AdjustStockRequest"/>.</summary>
internal sealed class AdjustStockRequestValidator : AbstractValidator<AdjustStockRequest>
{
    /// <summary>Declares the rules.</summary>
    public AdjustStockRequestValidator()
    {
        RuleFor(r => r.Change).NotNull().NotEqual(0).InclusiveBetween(-StockLimits.MaxUnits, StockLimits.MaxUnits)
            .WithMessage($"change must be between -{StockLimits.MaxUnits} and {StockLimits.MaxUnits} and not 0.");
        RuleFor(r => r.Reason).NotEmpty().MaximumLength(StockLimits.MaxReasonLength)
            .WithMessage($"Give a reason of at most {StockLimits.MaxReasonLength} characters.");
    }
}

/// <summary>A product's stock figures as administrators see them.</summary>
/// <param name="ProductId">The product.</param>
/// <param name="OnHand">Units in the warehouse.</param>
/// <param name="Reserved">Units held for unpaid orders.</param>
/// <param name="AvailableStock">Units a shopper can buy now.</param>
internal sealed record StockFiguresResponse(Guid ProductId, int OnHand, int Reserved, int AvailableStock)
{
    /// <summary>Describes <paramref name="figures"/>.</summary>
    public static StockFiguresResponse From(StockFigures figures) => new(figures.ProductId, figures.OnHand, figures.Reserved, figures.Available);
}
