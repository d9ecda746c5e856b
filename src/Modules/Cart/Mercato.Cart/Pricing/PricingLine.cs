namespace Mercato.Cart.Pricing;

/// <summary>What the pricing needs of one line.</summary>
/// <param name="UnitPrice">The catalog's selling price.</param>
/// <param name="Quantity">Units.</param>
/// <param name="CategoryId">The product's category.</param>
/// <param name="Sellable">Whether the product can be bought; unsellable lines add nothing to the totals.</param>
internal readonly record struct PricingLine(decimal UnitPrice, int Quantity, Guid CategoryId, bool Sellable);
