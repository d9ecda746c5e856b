namespace Mercato.Web.Components.Storefront;

/// <summary>An order as <c>POST /api/v1/orders</c> and <c>GET /api/v1/orders/{id}</c> answer it.</summary>
/// <param name="Id">Id.</param>
/// <param name="OrderNumber">Number (ORD-YYYY-NNNNNN).</param>
/// <param name="Status">Status.</param>
/// <param name="Items">Lines.</param>
/// <param name="Subtotal">Subtotal.</param>
/// <param name="Discount">Discount.</param>
/// <param name="Tax">Tax.</param>
/// <param name="ShippingCost">Shipping.</param>
/// <param name="Total">Total.</param>
/// <param name="IsPaid">Whether it is paid.</param>
public sealed record PlacedOrder(
    Guid Id,
    string OrderNumber,
    string Status,
    IReadOnlyList<OrderLine> Items,
    decimal Subtotal,
    decimal Discount,
    decimal Tax,
    decimal ShippingCost,
    decimal Total,
    bool IsPaid);
