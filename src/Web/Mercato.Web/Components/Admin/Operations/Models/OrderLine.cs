namespace Mercato.Web.Components.Admin.Operations.Models;

/// <summary>One line of an order, as sold.</summary>
/// <param name="ProductId">The API's <c>productId</c>.</param>
/// <param name="ProductName">The API's <c>productName</c>.</param>
/// <param name="Sku">The API's <c>sku</c>.</param>
/// <param name="Price">The API's <c>price</c>.</param>
/// <param name="Quantity">The API's <c>quantity</c>.</param>
/// <param name="Discount">The API's <c>discount</c>.</param>
/// <param name="Total">The API's <c>total</c>.</param>
public sealed record OrderLine(
    Guid ProductId,
    string ProductName,
    string Sku,
    decimal Price,
    int Quantity,
    decimal Discount,
    decimal Total);
