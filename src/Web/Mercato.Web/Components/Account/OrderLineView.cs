namespace Mercato.Web.Components.Account;

/// <summary>One line of an order, as sold.</summary>
/// <param name="ProductName">The product's name.</param>
/// <param name="Sku">Its SKU.</param>
/// <param name="Price">One unit's price.</param>
/// <param name="Quantity">Units.</param>
/// <param name="Subtotal">Price × quantity.</param>
/// <param name="Discount">The line's discount.</param>
/// <param name="Total">Subtotal − discount.</param>
public sealed record OrderLineView(string ProductName, string Sku, decimal Price, int Quantity, decimal Subtotal, decimal Discount, decimal Total);
