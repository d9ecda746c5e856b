namespace Mercato.Ordering.Orders;

/// <summary>One line of an order (seed 004's <c>items</c>), as sold.</summary>
/// <param name="Id">The line's id.</param>
/// <param name="ProductId">The product.</param>
/// <param name="ProductName">Its name when sold.</param>
/// <param name="Sku">Its SKU when sold.</param>
/// <param name="Price">One unit's price when sold.</param>
/// <param name="Quantity">Units.</param>
/// <param name="Subtotal">Price × quantity.</param>
/// <param name="Discount">This line's share of the discount.</param>
/// <param name="Total">Subtotal − discount.</param>
internal sealed record OrderLineResponse(
    Guid Id, Guid ProductId, string ProductName, string Sku, decimal Price, int Quantity, decimal Subtotal, decimal Discount, decimal Total)
{
    /// <summary>The response form of a stored line.</summary>
    public static OrderLineResponse From(OrderLine l) =>
        new(l.Id, l.ProductId, l.ProductName, l.Sku, l.UnitPrice, l.Quantity, l.UnitPrice * l.Quantity, l.LineDiscount, l.LineTotal);
}
