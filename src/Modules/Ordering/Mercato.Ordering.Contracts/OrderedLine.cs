namespace Mercato.Ordering.Contracts;

/// <summary>One line of an order as events carry it.</summary>
/// <param name="ProductId">The product.</param>
/// <param name="Quantity">Units ordered, at least 1.</param>
/// <param name="UnitPrice">The price of one unit when the order was placed.</param>
public sealed record OrderedLine(Guid ProductId, int Quantity, decimal UnitPrice);
