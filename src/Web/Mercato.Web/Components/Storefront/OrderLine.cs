namespace Mercato.Web.Components.Storefront;

/// <summary>A line of a placed order.</summary>
/// <param name="ProductName">Product name.</param>
/// <param name="Sku">SKU.</param>
/// <param name="Price">Unit price.</param>
/// <param name="Quantity">Units.</param>
/// <param name="Total">Line total after discount.</param>
public sealed record OrderLine(string ProductName, string Sku, decimal Price, int Quantity, decimal Total);
