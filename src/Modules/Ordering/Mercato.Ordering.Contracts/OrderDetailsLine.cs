namespace Mercato.Ordering.Contracts;

/// <summary>One line of <see cref="OrderDetails"/>, as sold.</summary>
/// <param name="ProductName">The product's name when the order was placed.</param>
/// <param name="Sku">Its SKU.</param>
/// <param name="Quantity">Units bought.</param>
/// <param name="UnitPrice">The price of one unit.</param>
/// <param name="LineTotal">What the line costs after its discount.</param>
public sealed record OrderDetailsLine(string ProductName, string Sku, int Quantity, decimal UnitPrice, decimal LineTotal);
